"""What a recommendation says that is not its learning: its boilerplate, and who it is addressed to.

"The Safeguarding Adults Board should seek assurance that agencies ensure..." says nothing yet; the
learning is in what follows. Stop words (the boilerplate among them) are dropped from a reading. The
names of agencies are kept, since an agency can tell two pieces of learning apart, but count for less
when two recommendations are compared (`matching`): the same learning recurs across reviews addressed
to other agencies.
"""

from __future__ import annotations

# Words that carry no learning of their own in a recommendation.
STOPWORDS = frozenset(
    """
    a about above across after again against all also am an and any are as at be because been before being
    below between both but by can cannot could did do does doing done down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself just me
    more most my myself no nor not of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those through to
    too under until up very was we were what when where which while who whom why will with would you your must
    may might shall ensure ensures ensuring agencies agency organisation organisations partner partners
    partnership partnerships service services staff practitioner practitioners professional professionals
    worker workers team teams relevant appropriate appropriately consider considers considered considering
    make makes made sure need needs needed use used uses using take takes taken work works working review
    reviews reviewed recommendation recommendations local area areas clear clearly effective effectively
    robust better improve improved improving improvement improvements strengthen strengthened including
    include includes included within whether its per via ie eg etc one two three new all identify identified
    identifies identifying understand understanding know known aware able ability people person persons
    individual individuals adult adults family families case cases client clients patient patients resident
    residents user users including also place places way ways part where whilst recognise recognised
    recognises recognising recognition treat treated treats seen see sees given give gives provide provides
    provided offer offers offered ensure day days time times things thing complete completes completed
    completing carry carries carried undertake undertakes undertaken apply applies applied still only solely
    rather instead whose spot spots spotted detect detected notice noticed
    someone somebody anyone anybody everyone everybody something anything everything whenever wherever even
    especially particularly particular specific specifically actually really simply certain certainly
    look looks looked looking keep keeps kept let lets find finds found want wants wanted say says said
    lot lots many much several around behind beyond upon towards toward get gets getting got go goes going
    gone come comes coming came put puts putting become becomes became reach reaches reached start starts
    started starting involve involves involved involving receive receives received hold holds holding bring
    brings brought proper properly already often able unable regarding regard relation order necessary
    possible possibly potential potentially like likely whose therefore however although though yet
    recommend recommends recommended asked seek seeks sought obtain obtains obtained board boards care
    """.split()  # noqa: SIM905  (a paragraph of words reads better than a list of strings)
)

# Terms that name who a recommendation is addressed to: the same learning recurs across agencies.
AGENCIES = frozenset(
    """
    police gp hospital emergency_department adult_social_care childrens_social_care probation icb sab csp scp
    ambulance health_visitor health council fire school_nurse early_years social_worker safeguarding_lead
    nhs_england home_office dhsc dfe moj mhclg national commission mental_health_service substance_use_service
    """.split()  # noqa: SIM905
)
