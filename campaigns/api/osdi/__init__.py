"""The partner API: OSDI 1.x as Action Network serves it, for one partner's signers."""
