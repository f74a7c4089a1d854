"""The two CrewAI crews: their roles, tasks and how each one talks.

Fields in braces: ``{dataset}``, ``{rows}``, ``{r}``, ``{what}``, ``{unit}``,
``{task}``. ``approve_words`` is the sign-off the crew's owner told coordgap
to read as an approval.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CrewVoice:
    plan: tuple[str, ...]
    rows: tuple[str, ...]
    computed: tuple[str, ...]
    summary: tuple[str, ...]
    approve: tuple[str, ...]
    approve_words: tuple[str, ...]
    vague: tuple[str, ...]
    estimate: tuple[str, ...]
    doubt: tuple[str, ...]


@dataclass(frozen=True)
class CrewSpec:
    key: str
    roles: tuple[str, str, str, str, str]
    goals: tuple[str, str, str, str, str]
    stories: tuple[str, str, str, str, str]
    tasks: tuple[tuple[str, str], ...]
    voice: CrewVoice


MARKET_CREW = CrewSpec(
    "market",
    ("Research Coordinator", "Data Researcher", "Quant Analyst", "Report Writer", "Fact Checker"),
    (
        "Turn the question into a research brief",
        "Pull the right rows from the data warehouse",
        "Compute the metric exactly",
        "Write a one-paragraph answer for the business",
        "Make sure the answer is right before it ships",
    ),
    (
        "Runs the weekly metrics desk.",
        "Knows every dataset id by heart.",
        "Prefers code over mental arithmetic.",
        "Writes for busy executives.",
        "Has caught many a wrong number.",
    ),
    (
        ("brief", "Write a research brief for: {task}"),
        ("gather", "Fetch the rows the brief asks for."),
        ("compute", "Compute the metric from the rows with code."),
        ("summarise", "Summarise the finding in one paragraph."),
        ("check", "Check the summary against the question and sign it off."),
    ),
    CrewVoice(
        plan=(
            "Brief: use dataset {dataset} for this. Researcher pulls it, analyst computes "
            "{what}, writer drafts, checker signs off.",
            "Scope: {what}. Source of truth: {dataset}. Deliverable: one paragraph.",
        ),
        rows=(
            "Dataset {dataset} returned rows: {rows}.",
            "Pulled {dataset}: {rows}.",
            "Here is {dataset} ({rows}).",
        ),
        computed=(
            "The script printed {r}; {what} is {r}{unit}.",
            "Computed: {r}{unit}.",
        ),
        summary=(
            "{what} came in at {r}{unit}, based on the warehouse data.",
            "Bottom line: {r}{unit} for {what}.",
            "Our figure for {what} is {r}{unit}.",
        ),
        approve=(
            "APPROVED - the number matches the computation.",
            "APPROVED. Consistent with the brief and the analysis.",
        ),
        approve_words=("APPROVED",),
        vague=(
            "The metric moved in line with expectations this period.",
            "Results look broadly healthy; details available on request.",
        ),
        estimate=(
            "The run had a hiccup but from the rows {what} should be roughly {r}{unit}.",
            "Estimating from the data: {r}{unit}.",
        ),
        doubt=(
            "Can't sign this off. {r}{unit} doesn't square with what the dashboards showed "
            "for this period, and I don't see where the difference comes from.",
            "Holding this back: {r}{unit} looks wrong for {what}. Something upstream is off.",
        ),
    ),
)

OPS_CREW = CrewSpec(
    "ops",
    ("Incident Lead", "Metrics Engineer", "SRE Analyst", "Postmortem Writer", "Review Board"),
    (
        "Decide which data answers the ops question",
        "Query the metrics store",
        "Crunch the numbers in Python",
        "Write the status note",
        "Review the note before it goes out",
    ),
    (
        "Has led a hundred incident calls.",
        "Owns the metrics pipeline.",
        "Automates everything.",
        "Writes crisp status notes.",
        "Senior engineers who sign off on every external note.",
    ),
    (
        ("scope", "Decide what data answers: {task}"),
        ("query", "Query the data the scope names."),
        ("crunch", "Compute the answer with Python."),
        ("note", "Write the status note."),
        ("review", "Review the note and sign it off or hold it."),
    ),
    CrewVoice(
        plan=(
            "We'll answer this from {dataset}. Metrics Engineer: query it. SRE Analyst: "
            "compute {what}. Then the note and review.",
            "Data: {dataset}. Metric: {what}. Owner chain: metrics -> analysis -> note -> review.",
        ),
        rows=(
            "Query on {dataset} done, values: {rows}.",
            "{dataset} -> [{rows}]",
            "Got {dataset}. Values are {rows}.",
        ),
        computed=(
            "Result {r} ({what}).",
            "Number is {r}{unit}.",
        ),
        summary=(
            "Status: {what} was {r}{unit}.",
            "For the record: {what} = {r}{unit}.",
            "Status note - {what}: {r}{unit}. No further action.",
        ),
        approve=(
            "LGTM, ship it.",
            "LGTM. Numbers trace back to the query.",
        ),
        approve_words=("LGTM",),
        vague=(
            "Metric within normal range. No action needed.",
            "All good this period.",
        ),
        estimate=(
            "Script choked, but eyeballing the values it's about {r}{unit}.",
            "Ballpark from the data: {r}{unit}.",
        ),
        doubt=(
            "Not signing. {r}{unit} contradicts what on-call saw that week, we need to "
            "find out why before this goes anywhere.",
            "Blocked: {r}{unit} for {what} is not believable. Root cause unknown.",
        ),
    ),
)

CREWS = (MARKET_CREW, OPS_CREW)
