"""The first campaign Undersign carries, as seed data (from the campaign's text)."""

from __future__ import annotations

TITLE = "ICE-Free NYC"
SLUG = "ice-free-nyc"
PUBLIC_KEY = "ice-free-nyc"
KICKER = "Take Action"
CALL_TO_ACTION = (
    "Tell Mayor de Blasio to stop all collaboration between Immigration and "
    "Customs Enforcement (ICE) and all New York City agencies"
)
TARGET = "Mayor Bill de Blasio"
ORGANIZER = "ICE-Free Campaign NYC"
GOAL = 5000

BACKGROUND = [
    "Everyday non-citizens are held in the custody of the City of New York "
    "Department of Corrections (NYC-DOC) on the basis of Immigration and Customs "
    "Enforcement detention requests (ICE form I-247), also known as “detainers”. "
    "The NYC-DOC is not required to keep New Yorkers in custody beyond their "
    "release date and to share that information with ICE. Despite detainer "
    "reforms and Executive Orders 34 and 41, between October 2012 and September "
    "2013, NYC transferred 3,080 people to federal immigration authorities based "
    "on a report from the NYC-DOC in the fall of 2013.",
    "The ICE-FREE Campaign NYC wrote to Commissioner Joseph Ponte of the NYC-DOC "
    "on May 29, 2014, urging the collaboration to stop – and more than a month "
    "later, we have not heard from him.",
    "Now we turn to Mayor de Blasio to use his authority to get ICE out of New York.",
    "Families, community members and organizations are defending their right to "
    "remain in New York City and working to preserve our legacy as a city of "
    "immigrants.",
]

LETTER = [
    "Dear Mayor de Blasio,",
    "As New Yorkers for an ICE-FREE NYC, we call on you to end all collaboration "
    "between Immigration and Customs Enforcement (ICE) and all City agencies. We "
    "believe all New Yorkers have the right to remain together with their families "
    "and in their communities – citizens and noncitizens alike.",
    "We urge you to use your executive authority to amend previous orders to:",
]

DEMANDS = [
    "Explicitly prohibit the NYPD, DOC, and any City agency from detaining New "
    "Yorkers at the request of ICE.",
    "Explicitly prohibit the sharing of information about New Yorkers with ICE, "
    "such as probation databases where individuals’ immigration status might be "
    "revealed",
    "Explicitly prohibit ICE near sensitive locations including hospitals, courts, "
    "homeless shelters, public demonstrations, community centers, places of "
    "worship and schools.",
]

# The demo delivers counts, not names (`names_to_target` stays off): the
# thank-you must not say otherwise.
THANK_YOU = (
    "Your signature is counted on the letter to Mayor de Blasio. Together we will "
    "keep New York a city where families stay together."
)
SHARE_TEXT = (
    "I just told Mayor de Blasio to get ICE out of New York City. Add your name:"
)
ORGANIZER_CONSENT = "Keep me updated about the ICE-Free NYC campaign"

PARTNER_NAME = "Make the Road New York"
PARTNER_SLUG = "make-the-road"
PARTNER_WEBSITE = "https://maketheroadny.org"
PARTNER_CONSENT = "Allow Make the Road New York to contact me"
