"""Word lists and inflection helpers the error rules use (data only, no I/O)."""

from __future__ import annotations

# "-ing" adjectives learners use for feelings → the "-ed" form.
ED_ING_ADJECTIVES = {
    "interesting": "interested",
    "boring": "bored",
    "exciting": "excited",
    "tiring": "tired",
    "confusing": "confused",
    "frightening": "frightened",
    "embarrassing": "embarrassed",
    "disappointing": "disappointed",
    "surprising": "surprised",
    "annoying": "annoyed",
    "exhausting": "exhausted",
    "relaxing": "relaxed",
    "worrying": "worried",
    "satisfying": "satisfied",
}

# Base verbs checked for the third-person -s (frequent, unambiguous as verbs after he/she).
THIRD_PERSON_VERBS = (
    "like", "want", "go", "work", "live", "need", "have", "play", "watch", "eat", "drink",
    "speak", "know", "think", "say", "take", "come", "get", "study", "try", "read", "write",
    "love", "teach", "run", "help", "use", "seem", "talk", "walk", "cook", "travel", "visit",
    "enjoy", "prefer", "hate", "finish", "start", "begin", "understand", "believe", "remember",
    "forget", "buy", "sell", "wash", "fix", "miss", "wish", "carry", "cry", "fly", "do",
)  # fmt: skip


def third_person(verb: str) -> str:
    """The present-simple third-person singular of a base verb."""
    irregular = {"have": "has", "do": "does", "go": "goes", "be": "is"}
    if verb in irregular:
        return irregular[verb]
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


# Over-regularised past forms → the irregular past.
IRREGULAR_PAST = {
    "goed": "went", "buyed": "bought", "eated": "ate", "runned": "ran", "thinked": "thought",
    "teached": "taught", "catched": "caught", "bringed": "brought", "writed": "wrote",
    "speaked": "spoke", "taked": "took", "maked": "made", "gived": "gave", "comed": "came",
    "knowed": "knew", "drinked": "drank", "swimmed": "swam", "sleeped": "slept",
    "feeled": "felt", "meeted": "met", "telled": "told", "sayed": "said", "winned": "won",
    "getted": "got", "finded": "found", "leaved": "left",
    "singed": "sang", "drived": "drove", "flyed": "flew", "growed": "grew", "hurted": "hurt",
    "losed": "lost", "payed": "paid", "putted": "put", "readed": "read", "selled": "sold",
    "sended": "sent", "spended": "spent", "standed": "stood", "understanded": "understood",
    "weared": "wore", "breaked": "broke", "choosed": "chose", "forgetted": "forgot",
    "beginned": "began", "becomed": "became", "keeped": "kept", "builded": "built",
    "falled": "fell", "holded": "held", "heared": "heard", "costed": "cost",
}  # fmt: skip

# Past forms (irregular and frequent regular ones) → base, for "didn't went".
BASE_OF_PAST = {
    "went": "go", "saw": "see", "came": "come", "ate": "eat", "had": "have", "made": "make",
    "took": "take", "got": "get", "bought": "buy", "said": "say", "told": "tell",
    "knew": "know", "thought": "think", "wrote": "write", "spoke": "speak", "met": "meet",
    "left": "leave", "found": "find", "gave": "give", "ran": "run", "slept": "sleep",
    "felt": "feel", "brought": "bring", "taught": "teach", "understood": "understand",
    "forgot": "forget", "drank": "drink", "heard": "hear", "began": "begin",
    "became": "become", "did": "do", "paid": "pay", "sent": "send", "spent": "spend",
    "worked": "work", "liked": "like", "wanted": "want", "played": "play",
    "watched": "watch", "studied": "study", "tried": "try", "called": "call",
    "lived": "live", "loved": "love", "needed": "need", "visited": "visit", "asked": "ask",
    "started": "start", "finished": "finish", "stopped": "stop", "used": "use",
    "moved": "move", "arrived": "arrive", "helped": "help", "talked": "talk",
    "walked": "walk", "cooked": "cook", "listened": "listen", "opened": "open",
    "traveled": "travel", "travelled": "travel", "enjoyed": "enjoy", "passed": "pass",
}  # fmt: skip

UNCOUNTABLE_PLURALS = {
    "informations": "information", "advices": "advice", "furnitures": "furniture",
    "equipments": "equipment", "luggages": "luggage", "baggages": "baggage",
    "homeworks": "homework", "knowledges": "knowledge", "feedbacks": "feedback",
    "softwares": "software", "researchs": "research",
    "evidences": "evidence", "traffics": "traffic", "moneys": "money",
}  # fmt: skip

# Uncountable nouns (after "many") and plural count nouns (after "much").
UNCOUNTABLE_NOUNS = (
    "money", "time", "water", "information", "advice", "homework", "traffic", "furniture",
    "luggage", "work", "experience", "knowledge", "equipment", "rice", "milk", "coffee",
)  # fmt: skip
PLURAL_COUNT_NOUNS = (
    "people", "friends", "things", "books", "cars", "questions", "problems", "children",
    "students", "countries", "languages", "words", "mistakes", "hours", "days", "years",
    "times", "jobs", "ideas", "places",
)  # fmt: skip

# "more better": comparatives and superlatives that already carry -er/-est.
REDUNDANT_COMPARATIVES = (
    "better", "worse", "bigger", "smaller", "easier", "harder", "faster", "cheaper", "larger",
    "longer", "shorter", "higher", "lower", "older", "younger", "happier", "stronger",
    "richer", "simpler", "nicer", "quicker", "slower", "warmer", "colder", "hotter", "newer",
    "safer", "busier", "best", "worst", "biggest", "easiest", "hardest", "fastest", "cheapest",
    "largest", "smallest", "happiest", "strongest", "simplest",
)  # fmt: skip

# Nouns that go with "make" (so "do a mistake" is wrong) and with "do" ("make homework").
MAKE_OBJECTS = (
    "mistake", "mistakes", "decision", "decisions", "money", "friends", "progress", "effort",
    "noise", "complaint", "appointment", "phone call", "suggestion", "suggestions", "plans",
)  # fmt: skip
DO_OBJECTS = (
    "homework", "housework", "exercise", "dishes", "shopping", "laundry", "research",
    "business", "favor", "favour", "sport", "sports", "best",
)  # fmt: skip

PREPOSITION_EXTRA = {
    "discuss about": "discuss",
    "discussed about": "discussed",
    "return back": "return",
    "returned back": "returned",
    "enter into the room": "enter the room",
    "reach to": "reach",
    "reached to": "reached",
    "emphasize on": "emphasize",
    "mention about": "mention",
    "mentioned about": "mentioned",
}
PREPOSITION_WRONG = {
    "married with": "married to",
    "depend of": "depend on",
    "depends of": "depends on",
    "interested about": "interested in",
    "interested for": "interested in",
    "good in": "good at",
    "afraid from": "afraid of",
    "different than": "different from",
    "arrived to": "arrived in",
    "arrive to": "arrive in",
    "listen at": "listen to",
    "in the weekend": "at the weekend",
}
PREPOSITION_MISSING = {
    "explain me": "explain to me",
    "explained me": "explained to me",
    "listen music": "listen to music",
    "listening music": "listening to music",
    "wait you": "wait for you",
    "waiting you": "waiting for you",
}

MISSPELLINGS = {
    "recieve": "receive", "definately": "definitely", "untill": "until", "wich": "which",
    "becouse": "because", "beautifull": "beautiful", "tommorow": "tomorrow",
    "tomorow": "tomorrow", "wierd": "weird", "occured": "occurred", "seperate": "separate",
    "adress": "address", "begining": "beginning", "realy": "really",
    "goverment": "government", "enviroment": "environment", "accomodation": "accommodation",
    "necesary": "necessary", "freind": "friend", "thier": "their", "alot": "a lot",
    "finaly": "finally", "hapy": "happy", "buisness": "business",
    "experiance": "experience", "responsability": "responsibility",
}  # fmt: skip

# Base verbs that follow want/need/decide... with a missing "to".
MISSING_TO_VERBS = (
    "go", "come", "buy", "eat", "see", "learn", "study", "make", "have", "get", "work",
    "visit", "travel", "speak", "improve", "practice", "practise", "meet", "find", "become",
    "know", "talk", "ask", "book", "order", "change", "move", "live", "watch", "try",
)  # fmt: skip

# Verbs followed by the -ing form, not "to" + verb.
GERUND_VERBS = (
    "enjoy", "enjoys", "enjoyed", "finish", "finished", "finishes", "avoid", "avoided",
    "avoids", "mind", "suggest", "suggested", "practise", "consider", "considered",
    "keep", "kept", "miss", "missed", "imagine", "risk", "quit", "admit", "deny",
)  # fmt: skip

_DOUBLING = {"swim", "run", "stop", "shop", "get", "sit", "plan", "begin", "put", "cut", "win"}


def gerund(verb: str) -> str:
    """The -ing form of a base verb."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb in _DOUBLING:
        return verb + verb[-1] + "ing"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and verb != "be":
        return verb[:-1] + "ing"
    return verb + "ing"
