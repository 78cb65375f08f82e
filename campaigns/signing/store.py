"""A new signature, its consents and its outbox rows: stored together or not at all.

On PostgreSQL in one statement (data-modifying `WITH`), so a signing outside a
transaction costs one round trip where `BEGIN`, three `INSERT`s and `COMMIT`
cost five; elsewhere in one transaction through the ORM.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import (
    DatabaseError,
    IntegrityError,
    connections,
    router,
    transaction,
)
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model

from campaigns.models import Delivery, Signature, SignatureConsent

# In the statement, the new signature's id: the `WITH` query named `signed`.
NEW_SIGNATURE_ID = "(SELECT id FROM signed)"


def store_signed(
    signature: Signature,
    consents: Sequence[SignatureConsent],
    deliveries: Sequence[Delivery],
) -> bool:
    """Store `signature` with the rows that point at it; `False`, having stored
    nothing, if a unique constraint refuses it (a repeat signer, a retry)."""
    alias = router.db_for_write(Signature)
    connection = connections[alias]
    try:
        if connection.vendor != "postgresql":
            with transaction.atomic(using=alias):
                _store_with_orm(signature, consents, deliveries)
        elif connection.in_atomic_block or not connection.get_autocommit():
            # A savepoint, so a refusal leaves the caller's transaction usable.
            with transaction.atomic(using=alias):
                _store_in_one_statement(connection, signature, consents, deliveries)
        else:
            # One statement is one transaction: committed when it returns.
            _alone(connection, signature, consents, deliveries)
    except IntegrityError:
        return False
    return True


def _alone(
    connection: BaseDatabaseWrapper,
    signature: Signature,
    consents: Sequence[SignatureConsent],
    deliveries: Sequence[Delivery],
) -> None:
    """Store in one statement outside any transaction."""
    try:
        _store_in_one_statement(connection, signature, consents, deliveries)
    except DatabaseError as error:
        if not isinstance(error, IntegrityError):
            # As `atomic` would on its way out: a connection the server ended
            # is dropped here, so the client's retry gets a new one.
            connection.close_if_unusable_or_obsolete()
        raise


def _store_with_orm(
    signature: Signature,
    consents: Sequence[SignatureConsent],
    deliveries: Sequence[Delivery],
) -> None:
    signature.save()
    _point_at(signature, consents, deliveries)
    SignatureConsent.objects.bulk_create(consents)
    Delivery.objects.bulk_create(deliveries)


def _store_in_one_statement(
    connection: BaseDatabaseWrapper,
    signature: Signature,
    consents: Sequence[SignatureConsent],
    deliveries: Sequence[Delivery],
) -> None:
    params: list[object] = []
    parts = [f"signed AS ({_insert(connection, [signature], params)} RETURNING id)"]
    for name, rows in (("consents", consents), ("deliveries", deliveries)):
        if rows:
            parts.append(f"{name} AS ({_insert(connection, rows, params)})")
    # Names come from the models; every value is a parameter.
    statement = f"WITH {', '.join(parts)} SELECT id FROM signed"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(statement, params)  # type: ignore[arg-type]
        (signature.pk,) = cursor.fetchone()
    signature._state.adding = False
    signature._state.db = connection.alias
    _point_at(signature, consents, deliveries)


def _point_at(
    signature: Signature,
    consents: Sequence[SignatureConsent],
    deliveries: Sequence[Delivery],
) -> None:
    for consent in consents:
        consent.signature = signature
    for delivery in deliveries:
        delivery.signature = signature


def _insert(
    connection: BaseDatabaseWrapper, rows: Sequence[Model], params: list[object]
) -> str:
    """Return an `INSERT` of `rows` (one model), adding their values to `params`.

    Values are prepared as the ORM's own insert prepares them (defaults, `auto_now`,
    JSON); a row's `signature` is the signature the statement inserts.
    """
    meta = rows[0]._meta
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    quote = connection.ops.quote_name
    values = []
    for row in rows:
        marks = []
        for field in fields:
            if field.attname == "signature_id":
                marks.append(NEW_SIGNATURE_ID)
                continue
            marks.append("%s")
            value = field.pre_save(row, add=True)
            params.append(field.get_db_prep_save(value, connection))
        values.append(f"({', '.join(marks)})")
    columns = ", ".join(quote(field.column) for field in fields)
    table = quote(meta.db_table)
    return f"INSERT INTO {table} ({columns}) VALUES {', '.join(values)}"  # noqa: S608
