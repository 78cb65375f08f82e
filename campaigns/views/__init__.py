"""Plain Django views of the plugin (the hosted page lives on `CampaignPage`)."""
