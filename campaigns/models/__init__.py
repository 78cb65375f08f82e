"""The plugin's models, one module per concern."""

from campaigns.models.access import PartnerMember, PartnerToken
from campaigns.models.campaign import Campaign
from campaigns.models.client_key import ClientKeySecret
from campaigns.models.consent import ConsentVersion
from campaigns.models.delivery import Delivery
from campaigns.models.export import SignerExport
from campaigns.models.index import CampaignIndexPage
from campaigns.models.job_run import JobRun
from campaigns.models.page import CampaignPage, CampaignPartner, CampaignQuestion
from campaigns.models.partner import Partner
from campaigns.models.signature import Signature, SignatureConsent

__all__ = [
    "Campaign",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignPartner",
    "CampaignQuestion",
    "ClientKeySecret",
    "ConsentVersion",
    "Delivery",
    "JobRun",
    "Partner",
    "PartnerMember",
    "PartnerToken",
    "Signature",
    "SignatureConsent",
    "SignerExport",
]
