"""Clean documents with known ground truth, for the quality benchmark and the tests.

Four kinds of document, like the ones corpusclean repairs, written for this
project (no sentence comes from the seed documents):

* ``newspaper``: a front page with a lead story, shorter stories and an index
  of inside sections; headlines, decks, bylines, datelines, subheads.
* ``newsletter``: a post with a tag-line title, an intro, an interview
  transcript in speaker turns (``Q:`` / ``DK:``), show notes and a sign-off.
* ``webpage``: an events page: title, navigation labels, short paragraphs,
  list items, a FAQ whose answers hold a Windows path, a ``\\n`` written as
  text and a LaTeX command, an emoji sequence, non-Latin names, a URL.
* ``report``: numbered headings and paragraphs hard-wrapped at 72 columns, as
  PDF and OCR extraction give them.

A document is a list of :class:`Block`; its text is the blocks joined by one
blank line, with a final newline.  Sentences come from templates whose slots
(people, places, sums, dates) are filled by a :class:`random.Random`, so the
same seed always gives the same document.

Good text that a careless repair would damage (ARTIFACTS.md calls these
traps) is marked in the templates as ``⟦family|text⟧``, where ``family`` is
the repair family that must leave it alone (``hyphenation`` for genuine
compounds such as ``cease-fire``, ``escapes`` for ``$35 Billion`` and
``C:\\Users``, ...).  :func:`segments` splits a block's text into marked and
unmarked runs; :attr:`Block.text` has the markup removed.  Whole blocks that
are traps (headings, bylines, transcript turns, list items, index entries)
are known by their ``kind``: see :data:`TRAP_KINDS`.
"""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass

__all__ = [
    "Block",
    "Document",
    "GENRES",
    "TRAP_KINDS",
    "make_document",
    "make_corpus",
    "segments",
    "strip_marks",
]

GENRES = ("newspaper", "newsletter", "webpage", "report")

#: Block kinds that are good text a layout repair must keep as they are, and
#: the repair families they are traps for.
TRAP_KINDS: dict[str, tuple[str, ...]] = {
    "title": ("paragraphs", "furniture"),  # headlines, page titles: once, not running heads
    "heading": ("paragraphs",),  # no closing punctuation, still not a broken paragraph
    "byline": ("paragraphs", "captions"),  # an all-caps name that is no photo credit
    "masthead": ("paragraphs", "furniture"),
    "turn": ("paragraphs",),  # Q: / DK: turns are separate paragraphs
    "list": ("paragraphs",),
    "index": ("paragraphs", "furniture"),  # "Sports PAGE 8" belongs to its entry
    "label": ("paragraphs",),
}

_MARK = re.compile(r"⟦([a-z]+)\|(.*?)⟧", re.DOTALL)


@dataclass(frozen=True)
class Block:
    """One paragraph-level block of a document.

    ``marked`` is the text with trap markup; ``kind`` is one of ``body``
    (running prose: where layout artifacts are injected) or a key of
    :data:`TRAP_KINDS`; ``story`` numbers the stories of a newspaper page
    (0 elsewhere).
    """

    kind: str
    marked: str
    story: int = 0

    @property
    def text(self) -> str:
        return strip_marks(self.marked)


@dataclass(frozen=True)
class Document:
    genre: str
    blocks: tuple[Block, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks) + "\n"


def strip_marks(marked: str) -> str:
    """``marked`` without its trap markup.

    >>> strip_marks("a ⟦hyphenation|cease-fire⟧ now")
    'a cease-fire now'
    """
    return _MARK.sub(lambda m: m.group(2), marked)


def segments(marked: str) -> list[tuple[str, str | None]]:
    """``(text, family)`` runs of a marked text; ``family`` is None outside marks.

    >>> segments("a ⟦hyphenation|cease-fire⟧ now")
    [('a ', None), ('cease-fire', 'hyphenation'), (' now', None)]
    """
    out: list[tuple[str, str | None]] = []
    pos = 0
    for m in _MARK.finditer(marked):
        if m.start() > pos:
            out.append((marked[pos : m.start()], None))
        out.append((m.group(2), m.group(1)))
        pos = m.end()
    if pos < len(marked):
        out.append((marked[pos:], None))
    return out


# -- word lists -----------------------------------------------------------------

_FIRST = [
    "Amara", "Tobias", "Helen", "Marcus", "Priya", "Daniel", "Ruth", "Kwame", "Elena", "Samuel",
    "Grace", "Oliver", "Naomi", "Victor", "Leila", "Patrick", "Ingrid", "Hugo", "Miriam", "Felix",
    # accented names give mojibake something to break
    "José", "Inès", "Zoë", "Björn", "Renée", "François", "Łucja", "Søren", "Agnès", "Dagmar",
]
_LAST = [
    "Okafor", "Lindqvist", "Brennan", "Nakamura", "Haddad", "Moreau", "Fitzgerald", "Varga",
    "Castellano", "Whitcombe", "Adeyemi", "Kowalczyk", "Thornbury", "Mbeki", "Halloran", "Ostrowski",
    "Delacroix", "Sandoval", "Ferreira", "Abernathy", "Müller", "Núñez", "Hölzl", "Ibáñez",
]
_HYPHENATED_LAST = ["Garcia-Ruiz", "Ashby-Cole", "Mensah-Brown", "Kerr-Lindsay"]
_ROLES = [
    "harbor commissioner", "transport minister", "council president", "port director",
    "union leader", "chief engineer", "county executive", "mayor", "schools superintendent",
    "fisheries inspector", "budget director", "ferry operator",
]
_PLACES = [
    "Kestrel Bay", "Port Alder", "Dunmore", "Silverton Falls", "Haverleigh", "Lake Orin",
    "Greywater", "Marlow Point", "Eastbridge", "Corran Sound",
]
_ORGS = [
    "Harbor Commission", "regional transit authority", "county council", "dockworkers' union",
    "provincial ministry", "fisheries board", "water authority", "Alder Freight Company",
    "teachers' union", "coastal trust",
]
_STRUCTURES = [
    "north breakwater", "Eastbridge viaduct", "ferry terminal", "grain pier", "old lighthouse",
    "container quay", "tidal barrier", "rail bridge", "sea wall", "pumping station",
]
_PROJECTS = [
    "harbor expansion", "new ferry terminal", "breakwater repair", "dredging program",
    "viaduct replacement", "flood barrier", "rail link",
]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]
_CYRILLIC_NAMES = [
    "Олена Коваленко", "Дмитро Шевчук", "Ірина Бондар", "Андрій Мельник", "Людмила Лисенко",
    "Федір Романенко", "Зоя Ткаченко", "Роман Данилюк",
]
_GREEK_NAMES = ["Σοφία Παπαδάκη", "Νίκος Λαμπράκης"]
_FOREIGN_CITIES = ["Lviv", "Gdańsk", "Rīga", "Tallinn", "Thessaloniki", "Bremen"]
_PAPER = "Kestrel Bay Observer"


class _Slots(dict):
    """``str.format_map`` mapping that draws a fresh value at every use."""

    def __init__(self, rng: random.Random) -> None:
        super().__init__()
        self.rng = rng

    def __missing__(self, key: str) -> str:
        r = self.rng
        if key == "person":
            title = r.choice(["", "", "", "Dr. ", "Capt. "])
            last = r.choice(_LAST + _HYPHENATED_LAST[:1])
            if "-" in last:
                last = f"⟦hyphenation|{last}⟧"
            return f"{title}{r.choice(_FIRST)} {last}"
        if key == "surname":
            return r.choice(["Mr. ", "Ms. ", "Dr. "]) + r.choice(_LAST)
        if key == "role":
            return r.choice(_ROLES)
        if key == "place":
            return r.choice(_PLACES)
        if key == "org":
            return r.choice(_ORGS)
        if key == "structure":
            return r.choice(_STRUCTURES)
        if key == "project":
            return r.choice(_PROJECTS)
        if key == "weekday":
            return r.choice(_WEEKDAYS)
        if key == "month":
            return r.choice(_MONTHS)
        if key == "num":
            return str(r.choice([120, 340, 1200, 2600, 4500, 800, 75, 18000]))
        if key == "bignum":
            return f"{r.randint(2, 40)},{r.randint(100, 999)}"
        if key == "years":
            return str(r.randint(4, 60))
        if key == "months":
            return r.choice(["three", "five", "eight", "eleven", "fourteen"])
        if key == "year":
            return str(r.randint(1931, 1994))
        if key == "money":
            return r.choice(["$4.2 million", "$650,000", "$18 million", "$1.3 billion", "$92,500", "$7.75 million"])
        if key == "price":
            return r.choice(["$12", "$8.50", "$25", "$4", "$15.75"])
        if key == "pct":
            return f"{r.randint(3, 88)} percent"
        if key == "votes":
            a = r.randint(5, 9)
            return f"{a} to {r.randint(1, a - 1)}"
        if key == "cyr_name":
            return r.choice(_CYRILLIC_NAMES)
        if key == "greek_name":
            return r.choice(_GREEK_NAMES)
        if key == "city":
            return r.choice(_FOREIGN_CITIES)
        if key == "paper":
            return _PAPER
        raise KeyError(key)


def _fill(template: str, rng: random.Random) -> str:
    text = template.format_map(_Slots(rng))
    return text[0].upper() + text[1:]


class _Deck:
    """Deals templates without repeats until the pool runs out, then reshuffles."""

    def __init__(self, pool: list[str], rng: random.Random) -> None:
        self.pool = pool
        self.rng = rng
        self.cards: list[str] = []

    def deal(self) -> str:
        if not self.cards:
            self.cards = list(self.pool)
            self.rng.shuffle(self.cards)
        return self.cards.pop()

    def paragraph(self, low: int, high: int) -> str:
        return " ".join(_fill(self.deal(), self.rng) for _ in range(self.rng.randint(low, high)))


# -- newspaper ------------------------------------------------------------------

_NEWS = [
    "{person}, the {role}, said on {weekday} that the {project} would not be finished before {month}.",
    "The {org} voted {votes} to approve the plan, after a debate that lasted well into the night.",
    "Engineers had warned for years that the {structure} was deteriorating faster than anyone expected.",
    "Residents of {place} packed the community hall, many of them holding handwritten signs.",
    '"We have been patient for a very long time," said {person}, who has lived in {place} for {years} years. "Our patience is running out."',
    "The agreement, which took {months} months to negotiate, includes a ⟦hyphenation|cease-fire⟧ clause that neither side wanted to discuss in public.",
    "According to documents reviewed by the {paper}, the cost of the {project} has risen to {money}.",
    "The delay has frustrated contractors, who say they cannot hire workers without a firm schedule.",
    "Officials at the {org} declined to comment on the negotiations, citing a confidentiality agreement.",
    "In a statement released late on {weekday}, the company said it remained committed to the region.",
    "By the end of the summer, nearly {bignum} households had applied for emergency assistance.",
    'The {role}, {person}, described the situation as "difficult but manageable."',
    "Critics of the plan, including several ⟦hyphenation|long-serving⟧ members of the council, argued that it favored large developers.",
    "The {structure} was built in {year} and has not had a major renovation since.",
    "Many of the families affected by the closure have children in the local schools.",
    "It was not the first time the {org} had clashed with the provincial government over funding.",
    "Construction crews returned to the site on {weekday} morning, after a pause of nearly {num} days.",
    '{person} told reporters that the decision had been made "in the best interests of everyone involved."',
    "The proposal would also create a ⟦hyphenation|12-member⟧ oversight board, with seats reserved for fishermen and ferry operators.",
    "Some economists believe the region could lose as many as {num} jobs if the dispute is not resolved.",
    "Members of the union gathered outside the terminal before dawn, handing out coffee and leaflets.",
    "The mayor of {place}, {person}, has promised an independent investigation.",
    "Under the terms of the settlement, the company will pay {money} into a fund for affected residents.",
    "The ⟦hyphenation|so-called⟧ northern corridor has been debated since the 1990s, but it has never been funded.",
    "Independent analysts said the figures released by the ministry were difficult to reconcile with the budget documents.",
    "At a hearing in {place} last month, lawmakers questioned why the inspections had been postponed.",
    "{person}, a spokeswoman for the {org}, said the investigation was continuing.",
    "The storm knocked out power to {bignum} homes and flooded the lower floors of the hospital.",
    "For now, the ferries are running on a reduced schedule, and commuters are adjusting their routines.",
    "The committee's report, released on {weekday}, recommended that the {structure} be closed to heavy traffic.",
    "Both sides have agreed to resume talks next month, although neither has signaled a willingness to compromise.",
    "Teachers in {place} have threatened to strike if the budget cuts go ahead as planned.",
    "The ⟦hyphenation|state-owned⟧ rail operator said it expected to restore full service by {month}.",
    "Environmental groups have filed a lawsuit arguing that the expansion would destroy wetlands along the estuary.",
    "Police said the demonstration was peaceful and that nobody had been arrested.",
    "About {pct} of the people surveyed said they supported the new harbor plan.",
    "The company's chief executive, {person}, blamed the delays on shortages of steel and concrete.",
    "Inspectors found cracks in several of the support columns, according to a report obtained by the {paper}.",
    "The museum, which reopened in {month} after a ⟦hyphenation|two-year⟧ renovation, now draws visitors from across the region.",
    "A delegation from {city}, led by a deputy minister listed in the official program as {cyr_name}, arrived on {weekday} to discuss the shipping contracts.",
    "The vote — the third in as many months — ended in a tie, and the chairman postponed the decision.",
    "Their demand was simple: finish the wall before the autumn storms arrive.",
    "Over coffee at a café near the harbor, two retired pilots traced the changes on a faded chart.",
    "The new timetable, {person} said, was a compromise that nobody particularly liked.",
    "Officials estimate that repairs to the {structure} alone will cost at least {money}.",
    "Several witnesses described hearing a loud crack shortly before the collapse.",
    "The harbor master ordered all vessels longer than ⟦hyphenation|40-foot⟧ class to remain at anchor.",
    "Not everyone in {place} is convinced that the government understands what is at stake.",
    "The ⟦hyphenation|hard-liners⟧ on the council have refused to discuss any increase in the harbor levy.",
    "About ⟦hyphenation|three-quarters⟧ of the berths were empty on {weekday}, according to the harbor master.",
    "A ⟦hyphenation|follow-up⟧ inspection is scheduled for {month}, weeks before the winter storms usually arrive.",
    "The ferry company has cut the hours of its ⟦hyphenation|part-time⟧ staff and closed two ticket offices.",
    "Any change to the charter would need a ⟦hyphenation|two-thirds⟧ majority of the assembly.",
    "Local businesses say a ⟦hyphenation|year-round⟧ ferry service matters more to them than the new terminal.",
    "The proposal was drafted by a ⟦hyphenation|well-known⟧ engineering firm that has worked on harbors across the north.",
    "Several ⟦hyphenation|decision-makers⟧ privately admit that the original timetable was never realistic.",
    "The ⟦hyphenation|ex-minister⟧ now advises the fishermen's cooperative, which has opposed the dredging from the start.",
    "Shipping agents have started to divert cargo to {place}, where the quays are shorter but the cranes still work.",
    "The council's lawyers argued that the contract allowed the company to suspend work during emergencies.",
]
_NEWS_HEADLINES = [
    "Ferry Fares Set to Rise in Autumn", "Council Approves Viaduct Repairs", "Fishermen Protest New Quotas",
    "Flood Insurance Costs Climb Along the Coast", "Teachers Weigh Strike Over Budget Cuts",
    "Rail Link Delayed Again", "Museum Reopens After Renovation", "Inquiry Into Pier Collapse Widens",
]
_LEAD_HEADLINES = ["THE LONG WAIT", "LOW TIDE", "THE BREAKING POINT", "HIGH WATER"]
_DECKS = [
    "How a Harbor Deal Came Apart", "Inside the Fight Over a Sea Wall",
    "A Port, a Promise and a Very Long Winter", "Why the Ferries Stopped Running",
]
_SUBHEADS = ["THE NEGOTIATIONS", "A CHANGE OF PLANS", "THE FIRST WARNING", "WHAT COMES NEXT"]
_SECTIONS = ["Business", "Arts", "Sports", "Opinion", "Weather", "Obituaries", "Travel", "Puzzles"]


def _byline(rng: random.Random) -> str:
    name = f"{rng.choice(_FIRST)} {rng.choice(_LAST + _HYPHENATED_LAST)}".upper()
    if "-" in name:
        return f"By ⟦hyphenation|{name}⟧"
    return f"By {name}"


def _newspaper(rng: random.Random, paragraphs: int) -> list[Block]:
    day = f"{rng.choice(_WEEKDAYS).upper()}, {rng.choice(_MONTHS).upper()} {rng.randint(1, 28)}, 2026"
    # The masthead (nameplate, date, price) is page furniture that a repair
    # removes (ARTIFACTS §5): it is not in the ground truth; the injector's
    # "masthead" artifact puts it on the page.
    rng.choice(["$3.00", "$2.50", "$4.00"])  # keep the random stream of earlier seeds
    del day
    blocks = [
        Block("title", rng.choice(_LEAD_HEADLINES), 1),
        Block("heading", rng.choice(_DECKS), 1),
        Block("byline", _byline(rng), 1),
    ]
    news = _Deck(_NEWS, rng)
    lead = max(4, paragraphs)
    dateline = f"{rng.choice(_PLACES).upper()} — "
    for i in range(lead):
        text = news.paragraph(2, 4)
        if i == 0:
            text = dateline + text
        blocks.append(Block("body", text, 1))
        if i == lead // 2 and lead >= 6:
            blocks.append(Block("heading", rng.choice(_SUBHEADS), 1))
    for story in range(2, 2 + rng.randint(1, 3)):
        blocks.append(Block("heading", rng.choice(_NEWS_HEADLINES), story))
        blocks.append(Block("byline", _byline(rng), story))
        for _ in range(rng.randint(2, 4)):
            blocks.append(Block("body", news.paragraph(2, 4), story))
    blocks.append(Block("heading", "INSIDE", 99))
    for section in rng.sample(_SECTIONS, rng.randint(3, 5)):
        page = rng.choice([f"{section[0]}1-{rng.randint(4, 12)}", f"PAGE {rng.randint(2, 30)}"])
        blocks.append(Block("index", f"{section} {page}", 99))
    return blocks


# -- newsletter -------------------------------------------------------------------

_LETTER = [
    "A short update this week, because a lot has changed since the last post went out.",
    "If you’ve been reading for a while, you know I don’t usually write about budgets.",
    "The {org} published new figures on {weekday}, and they’re worth a careful look.",
    "The full interview is in the transcript below; the audio went out to podcast subscribers on {weekday}.",
    "The numbers aren’t good, but they’re not hopeless either.",
    "I’ve spent the last {months} months talking to engineers, fishermen and the occasional politician.",
    "What struck me most was how little anyone in the capital seems to know about {place}.",
    "Readers keep asking me whether the {project} will ever be finished — honestly, I don’t know.",
    "A quick note on sources: everything here comes from public documents or from people who spoke on the record.",
    "Thanks, as always, to the paying subscribers who make this newsletter possible.",
]
_QUESTIONS = [
    "What happened on the coast this winter?", "Why hasn’t the money been released?",
    "How many times have you been out to the {structure}?", "What would it take to finish the {project}?",
    "Where does the {role} stand on all this?", "What do people in {place} tell you?",
    "Is there anything that gives you hope?", "What should readers watch for next?",
]
_ANSWERS = [
    "Sure. The engineers’ forecast from a few winters back gave the {structure} a decade, and for a while that looked right.",
    "Then the January storms took out a stretch of the {structure} in a single week, which nobody had predicted.",
    "The crews rebuilt some of it, but the sea took it back again within a month.",
    "I see a budget problem and a pride problem, and people in the capital keep mixing them up.",
    "Nobody in the ministry wants to be remembered as the person who signed the cheque.",
    "The {org} has set aside {money} and then frozen it, which tells you everything about the priorities.",
    "People are tired, but they’re not giving up, and that surprised me.",
    "The engineering is the easy part; what’s missing is a signature and a budget line.",
    "The {role}, {person}, has been consistent about that from the start.",
    "When I visited in {month}, the volunteers were sorting sandbags by size and arguing about football.",
    "The harbor pilots I met kept repeating one line: “Give us the stone and we’ll finish the job.”",
    "Once the tide finds a way behind the embankment, every metre of concrete in front of it stops mattering.",
    "Behind that embankment are a school, a clinic and about {bignum} homes, not just pasture.",
    "The fishermen understand the tides better than any model does, and they’ve been saying so for years.",
    "Look, nobody in the capital has stood on that quay in a January gale.",
    "The original design assumed the sea level of the nineteen-seventies, and that assumption is simply wrong now.",
    "I spoke to a ferry captain who has crossed the sound every morning for twenty years.",
    "She told me the currents have changed, and that the charts haven’t caught up.",
    "We measured the erosion ourselves with a tape and a notebook, because the official gauges had failed.",
    "There’s a real risk that the money arrives only after the damage is done.",
    "My sense is that the {org} would accept a compromise if somebody else proposed it first.",
    "The young engineers are the most worried, because they’ll still be working when the bills come due.",
    "It would take about two summers of work, if the contractors started tomorrow.",
    "You can see the old shoreline in photographs from the fifties, and it’s shocking how far it has moved.",
]
_CLOSERS = [
    "Shipping agents call it ⟦escapes|The $35 Billion⟧ Question: who pays for a wall that protects everyone?",
    "The estimate in the report, ⟦escapes|$40 Million⟧ over ten years, is almost certainly too low.",
]
_NOTES = [
    "{person} on Tides and Sea Walls (Harbor Lines Podcast, {month} {day}, 2025)",
    "Condition of the {structure}, Winter Survey ({org}, {month} {day}, 2026)",
    "Ferry Timetable Cut Again (The {paper}, {month} {day}, 2026)",
    "A Short History of the Estuary (Coastal Review, {month} {day}, 2024)",
]


def _newsletter(rng: random.Random, paragraphs: int) -> list[Block]:
    initials = "".join(rng.sample("ABDEFGHKLMNPRST", 2))
    guest = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    blocks = [
        Block("title", f"#KBN {rng.choice(['Notes from a stubborn coastline', 'The harbor is quiet', 'Sandbags and budgets'])}"),
        Block("heading", rng.choice(["Why the sea wall still matters", "Notes from the lower estuary"])),
    ]
    letter, answers = _Deck(_LETTER, rng), _Deck(_ANSWERS, rng)
    for _ in range(rng.randint(2, 3)):
        text = letter.paragraph(2, 3)
        if rng.random() < 0.5:
            text += f"[{rng.choice(['i', 'ii', 'iii', 'iv'])}]"
        blocks.append(Block("body", text))
    blocks.append(Block("body", f"Our guest this week is {guest}, who has worked on the coast for {rng.randint(8, 30)} years. Download the survey here."))
    blocks.append(Block("heading", "TRANSCRIPT"))
    for _ in range(max(3, paragraphs // 2)):
        blocks.append(Block("turn", "Q: " + _fill(rng.choice(_QUESTIONS), rng)))
        blocks.append(Block("turn", f"{initials}: " + answers.paragraph(2, 4)))
        if rng.random() < 0.6:
            blocks.append(Block("body", answers.paragraph(2, 3)))
    blocks.append(Block("body", "The complete interview is linked here."))
    blocks.append(Block("heading", "SHOWNOTES:"))
    for note in rng.sample(_NOTES, rng.randint(2, 4)):
        blocks.append(Block("list", _fill(note.replace("{day}", str(rng.randint(1, 28))), rng)))
    blocks.append(Block("body", _fill(rng.choice(_CLOSERS), rng) + " " + _fill(letter.deal(), rng)))
    return blocks


# -- web page -----------------------------------------------------------------------

_WEB = [
    "The festival returns to the harbor front for its {years}th year, with lanterns, music and food from around the coast.",
    "Entry to the main site is free, but some workshops need a ticket.",
    "Volunteers are the heart of the festival, and we are always looking for more.",
    "The lantern parade leaves the old lighthouse at dusk and ends at the ferry terminal.",
    "Bring warm clothes: the evenings on the water can be surprisingly cold.",
    "Workshops for children run every afternoon in the library garden.",
    "This year’s guest artists include {cyr_name} from {city} and {greek_name}, whose paper lanterns toured Europe last spring.",
    "Our café tent serves crêpes, soup and hot chocolate until late.",
    "Please note that the harbor car park closes at midnight on both festival days.",
    "Tickets for the evening concerts cost {price} and go on sale in {month}.",
    "Families with young children can reserve a quieter viewing area near the pumping station.",
    "Accessible toilets and a first aid tent are located beside the information desk.",
    "Local choirs perform on the floating stage every evening between eight and ten.",
    "Photographers are welcome, but please do not use flash during the lantern release.",
    "Street food stalls along the promenade accept cards and cash.",
    "Lost property is kept at the information desk until the Monday after the festival.",
    "The festival is organised by a small team of volunteers and funded by local businesses.",
    "Bicycles can be parked free of charge in the guarded area behind the library.",
]
_FAQ = [
    (
        "Where do I find the printed programme?",
        "The programme is on the website and in the app; if you downloaded the desktop version, it is saved in ⟦escapes|C:\\Users\\Public\\Lanterns⟧ by default.",
    ),
    (
        "Why does the ticket export look strange?",
        "Each line of the export ends with ⟦escapes|\\n⟧ written as text; spreadsheet programs read it correctly.",
    ),
    (
        "Is there anything for science fans?",
        "Yes: the science tent 👩‍🔬 runs ⟦scripts|X-ray⟧ and optics demonstrations, and the poster explains the angle ⟦escapes|\\alpha⟧ of a lantern’s light cone.",
    ),
    (
        "Can I bring my dog?",
        "Dogs on a lead are welcome on the harbor front, but not inside the tents.",
    ),
    (
        "How do I get there?",
        "Take the number 4 bus from the station, or walk along the sea wall from {place} in about twenty minutes.",
    ),
]
_ITEMS = [
    "Friday: opening parade at 7 p.m.", "Saturday: workshops from 10 a.m.", "Saturday: concert at 8 p.m.",
    "Sunday: lantern release at dusk", "Sunday: farewell breakfast on the pier",
]


def _webpage(rng: random.Random, paragraphs: int) -> list[Block]:
    blocks = [
        Block("title", "Kestrel Bay Lantern Festival 2026"),
        Block("label", "Home | Programme | Tickets | Volunteer | Contact"),
        Block("heading", "About the festival"),
    ]
    web = _Deck(_WEB, rng)
    for _ in range(max(2, paragraphs // 2)):
        blocks.append(Block("body", web.paragraph(2, 3)))
    blocks.append(Block("heading", "Programme"))
    for item in rng.sample(_ITEMS, rng.randint(3, 5)):
        blocks.append(Block("list", "- " + item))
    blocks.append(Block("heading", "Tickets"))
    blocks.append(Block("body", _fill("Day tickets cost {price}, or {price} for students, from https://lanterns.example/tickets or at the gate.", rng)))
    blocks.append(Block("heading", "Frequently asked questions"))
    for q, a in rng.sample(_FAQ, rng.randint(3, 5)):
        blocks.append(Block("heading", q))
        blocks.append(Block("body", _fill(a, rng)))
    blocks.append(Block("label", "© 2026 Kestrel Bay Arts Trust"))
    return blocks


# -- report ---------------------------------------------------------------------------

_REPORT = [
    "The inspection programme covered every structure owned or maintained by the authority during the reporting period.",
    "Visual inspections were supplemented by underwater surveys where the condition of the foundations could not be assessed from the surface.",
    "Significant deterioration was recorded at the {structure}, where corrosion of the reinforcement has progressed since the previous survey.",
    "The estimated cost of the recommended remedial works is {money}, excluding contingency and professional fees.",
    "Maintenance expenditure remained below the level recommended in the asset management plan for the third consecutive year.",
    "The authority should prioritise the replacement of the fendering system, which no longer provides adequate protection.",
    "Monitoring equipment installed in {month} has provided continuous measurements of settlement and tilt.",
    "Measurements indicate that settlement has stabilised, although the rate of movement increased briefly after the winter storms.",
    "Where temporary measures have been adopted, their effectiveness should be reviewed at intervals not exceeding six months.",
    "Consultation with harbor users identified concerns about navigation, access for emergency vehicles and the availability of berths.",
    "The condition ratings in this report follow the methodology described in the appendix.",
    "A ⟦hyphenation|long-term⟧ strategy for the protection of the coastline is required, together with a realistic funding programme.",
    "Structural assessments confirmed that the {structure} can continue to carry normal loads, subject to a weight restriction.",
    "Chemical analysis of concrete samples found chloride concentrations above the threshold associated with active corrosion.",
    "The ⟦scripts|X-ray⟧ examination of selected anchor bolts revealed internal voids in approximately {pct} of the samples.",
    "Responsibility for the implementation of these recommendations rests with the operations directorate.",
    "Environmental constraints, including the presence of protected seagrass beds, will affect the timing of any dredging.",
    "The working group met on {num} occasions and considered evidence from independent consultants.",
    "Funding from the national resilience programme, amounting to {money}, has been confirmed for the current financial year.",
    "Further investigation is recommended before any decision is taken on the future of the {structure}.",
    "The drainage outfalls were found to be partially blocked by sediment and marine growth.",
    "Routine cleaning of the outfalls should be incorporated into the annual maintenance schedule.",
    "Ground investigations identified soft clay deposits beneath the eastern section of the quay.",
    "The navigation lights and associated electrical installations were tested and found to be compliant.",
    "Temporary propping installed after the previous inspection remains in place and is performing satisfactorily.",
    "Staff shortages within the engineering department delayed the completion of several inspections.",
    "The authority's insurers have requested confirmation that the recommended repairs will be completed.",
    "Replacement of the timber decking on the grain pier is considered a priority for public safety.",
    "Water temperatures at the outfall ranged from 4 °C in February to 17 °C in August.",
    "Crack widths of up to 0.4 mm were measured on the seaward face — twice the limit in the design code.",
    "The underwater survey was led by {person}, with assistance from the authority's diving team.",
    "Readings for the period 2019–2024 are summarised in the appendix, together with the survey dates.",
    "The revised estimate was reviewed by {person} of the independent engineering panel.",
]
_REPORT_HEADINGS = [
    "Summary", "Scope of the inspections", "Condition of structures", "Findings", "Recommendations",
    "Funding and programme", "Consultation", "Next steps",
]


def _report(rng: random.Random, paragraphs: int) -> list[Block]:
    blocks = [
        Block("title", "Kestrel Bay Harbor Authority"),
        Block("heading", f"Annual Condition Report {rng.randint(2019, 2025)}"),
    ]
    sections = rng.sample(_REPORT_HEADINGS, max(2, min(len(_REPORT_HEADINGS), paragraphs // 2)))
    report = _Deck(_REPORT, rng)
    for n, title in enumerate(sections, 1):
        blocks.append(Block("heading", f"{n}. {title}"))
        for _ in range(rng.randint(1, 3)):
            text = report.paragraph(2, 4)
            blocks.append(Block("body", _wrap(text)))
        if rng.random() < 0.3:
            for letter in "abc"[: rng.randint(2, 3)]:
                blocks.append(Block("list", f"({letter}) " + _fill(report.deal(), rng).rstrip(".") + ";"))
    blocks.append(Block("label", _fill("Prepared by {person}, chief engineer — {month} 2026", rng)))
    return blocks


def _wrap(marked: str, width: int = 72) -> str:
    """Hard-wrap a marked paragraph without breaking inside a mark."""
    # Marks hold no spaces that wrapping could break; protect them anyway.
    protected = _MARK.sub(lambda m: m.group(0).replace(" ", "\u2063"), marked)
    lines = textwrap.wrap(protected, width, break_on_hyphens=False, break_long_words=False)
    return "\n".join(lines).replace("\u2063", " ")


_MAKERS = {"newspaper": _newspaper, "newsletter": _newsletter, "webpage": _webpage, "report": _report}


def make_document(genre: str, rng: random.Random, paragraphs: int = 8) -> Document:
    """One clean document of ``genre``, about ``paragraphs`` body paragraphs long.

    >>> doc = make_document("report", random.Random(1), paragraphs=4)
    >>> doc.genre, doc.blocks[0].text
    ('report', 'Kestrel Bay Harbor Authority')
    >>> doc.text == make_document("report", random.Random(1), paragraphs=4).text
    True
    """
    if genre not in _MAKERS:
        raise ValueError(f"unknown genre {genre!r} (genres: {', '.join(GENRES)})")
    return Document(genre, tuple(_MAKERS[genre](rng, paragraphs)))


def make_corpus(n_docs: int, seed: int = 2026, paragraphs: tuple[int, int] = (6, 16)) -> list[Document]:
    """``n_docs`` documents, the genres in turn, the same for the same seed."""
    rng = random.Random(seed)
    return [
        make_document(GENRES[i % len(GENRES)], random.Random(rng.getrandbits(64)), rng.randint(*paragraphs))
        for i in range(n_docs)
    ]
