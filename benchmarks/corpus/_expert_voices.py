"""How each expert team talks: a few phrasings per kind of turn, picked per run.

Fields in braces: the team's agent names (``{lead}``, ``{source}``, ``{domain}``,
``{coder}``, ``{reader}``, ``{checker}``) and the run's ``{quantity}``,
``{where}``, ``{bad_where}``, ``{x}``, ``{r}``, ``{what}``, ``{unit}``. Sign-offs
end with TERMINATE, the stop word of AG2-style teams.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Voice:
    plan: tuple[str, ...]
    fact: tuple[str, ...]
    code: tuple[str, ...]
    fix: tuple[str, ...]
    result: tuple[str, ...]
    approve: tuple[str, ...]
    noticed: tuple[str, ...]
    send_back: tuple[str, ...]
    doubt: tuple[str, ...]
    confirm: tuple[str, ...]
    glossed: tuple[str, ...]
    trouble: tuple[str, ...]
    give_up: tuple[str, ...]


FORMAL = Voice(
    plan=(
        "Let's break this down. Step 1: {source} retrieves the {quantity} from {where}. "
        "Step 2: {domain} reviews any tax or fee subtleties. Step 3: {coder} codes the "
        "calculation and the terminal runs it. Step 4: {reader} states {what}, and "
        "{checker} confirms before we close.",
        "Proposed approach:\n1. {source}: look up the {quantity} in {where}.\n2. {domain}: "
        "sanity-check the inputs.\n3. {coder}: write and run the computation.\n4. {reader} "
        "and {checker}: interpret and confirm {what}.",
    ),
    fact=(
        "From {where}: the {quantity} is {x}.",
        "I've located the figure. In {where} the {quantity} reads {x}.",
        "Checked {where} - {quantity}: {x}. Passing this on.",
    ),
    code=(
        "Here is a short script for the calculation:",
        "The following code computes it from the inputs above:",
        "Implementing the computation:",
    ),
    fix=(
        "Apologies, that version had a defect. Corrected script:",
        "Fixed the issue in the previous block; please run this one:",
    ),
    result=(
        "Based on the terminal output, {what} is {r} {unit}.",
        "The script returned {r}, i.e. {what} = {r} {unit}.",
        "Output received: {r}. So {what} comes to {r} {unit}.",
    ),
    approve=(
        "I have reviewed the inputs and the computation; {what} = {r} {unit} is confirmed. "
        "TERMINATE",
        "Verification complete. Final answer: {r} {unit}. TERMINATE",
        "All steps are consistent with the task. The answer is {r} {unit}. TERMINATE",
    ),
    noticed=(
        "The terminal returned a traceback rather than a number. {coder}, could you take "
        "another look?",
        "That run did not produce a result - the interpreter stopped with an exception. "
        "{coder}, please correct it.",
    ),
    send_back=(
        "Before I sign off: the {quantity} was taken from {bad_where}, but the task refers "
        "to {where}. {source}, please redo the lookup with the correct document.",
        "This does not match the task. The input came from {bad_where}; we need {where}. "
        "{source}, kindly re-check, and we will rerun the calculation.",
    ),
    doubt=(
        "{source}, just to be sure - is that the figure from {where} and not {bad_where}? "
        "The two are easy to mix up.",
    ),
    confirm=(
        "Yes, it is from {where}; I double-checked. {x} stands.",
        "Confirmed: {where}, and the value is {x}.",
    ),
    glossed=(
        "Taking the run above into account, {what} works out to {r} {unit}.",
        "Proceeding with the numbers: {what} = {r} {unit}.",
    ),
    trouble=(
        "I am not comfortable with {r}. For {what} that is well outside what I would "
        "expect given the task, and I cannot trace where the difference comes from.",
        "Something does not add up: {r} {unit} seems implausible for {what}. I am unable "
        "to reconcile it with the figures we were given.",
    ),
    give_up=(
        "Agreed that we cannot confirm this. Reporting {r} {unit} with low confidence.",
        "We have no means to resolve the discrepancy here; I will note {r} {unit} as unverified.",
    ),
)

CASUAL = Voice(
    plan=(
        "Ok team, here's how I'd split it: {source} grabs the {quantity} ({where}), "
        "{domain} flags anything odd, {coder} does the math in Python, {reader} reads "
        "off {what}, {checker} double-checks.",
        "Quick plan - {source}: {quantity} from {where}. {domain}: practical caveats. "
        "{coder}: script it. {reader}: summarise. {checker}: final check.",
    ),
    fact=(
        "Got it: {where} says {x} for the {quantity}.",
        "{quantity} per {where} = {x}",
        "Looked it up in {where}, the {quantity} is {x}.",
    ),
    code=(
        "Here you go:",
        "Quick script:",
        "This should do it:",
    ),
    fix=(
        "Oops, typo on my side. Try this:",
        "My bad - fixed version below:",
    ),
    result=(
        "Terminal says {r}, so {what} = {r} {unit}.",
        "{r} {unit} for {what}.",
        "Ran fine. {what}: {r} {unit}.",
    ),
    approve=(
        "Looks right to me - {r} {unit}. TERMINATE",
        "Checked it end to end, {r} {unit} it is. TERMINATE",
        "Good to go: {r} {unit}. TERMINATE",
    ),
    noticed=(
        "Hm, that crashed. {coder} can you fix?",
        "No output, just a stack trace. {coder}?",
    ),
    send_back=(
        "Wait - that {quantity} is from {bad_where}, the task says {where}. {source} "
        "can you grab the right one?",
        "Not quite: {bad_where} is the wrong file here, we need {where}. {source}, redo please.",
    ),
    doubt=("{source} quick sanity check - that's {where}, right? Not {bad_where}?",),
    confirm=(
        "Yep, {where}. {x} is right.",
        "Right file, {x}.",
    ),
    glossed=(
        "Ok so {what} should be around {r} {unit}.",
        "Going with {r} {unit} for {what}.",
    ),
    trouble=(
        "Hmm, {r} {unit}? That can't be right for {what}, way off from what I'd expect. "
        "Not sure where it went sideways.",
        "Uh, {r} looks weird for {what}. Something's off upstream and I can't tell what.",
    ),
    give_up=(
        "Yeah, no way to nail it down. Leaving {r} {unit} as our best shot.",
        "Can't sort it out from here - going with {r} {unit}, flagged as shaky.",
    ),
)

TERSE = Voice(
    plan=(
        "Decomposition: (a) {source} -> {quantity}, source {where}; (b) {domain} -> unit "
        "and method check; (c) {coder} -> computation, executed on the terminal; (d) "
        "{reader} -> {what}; (e) {checker} -> validation.",
        "Subtasks. {source}: extract {quantity} ({where}). {domain}: method review. "
        "{coder}: compute. {reader}: interpret. {checker}: validate.",
    ),
    fact=(
        "{quantity}: {x} (source: {where}).",
        "Extracted from {where}: {quantity} = {x}.",
        "Value from {where}: {x}.",
    ),
    code=(
        "Computation:",
        "Script:",
        "Code for (c):",
    ),
    fix=(
        "Corrected:",
        "Revised script:",
    ),
    result=(
        "Result: {what} = {r} {unit}.",
        "Printed {r}. Hence {what} = {r} {unit}.",
        "{what}: {r} {unit}.",
    ),
    approve=(
        "Validated. {what} = {r} {unit}. TERMINATE",
        "Inputs, method and output consistent. {r} {unit}. TERMINATE",
        "Check passed: {r} {unit}. TERMINATE",
    ),
    noticed=(
        "Execution failed (exception, no output). {coder}: revise.",
        "Exit code non-zero. {coder}, correct the script.",
    ),
    send_back=(
        "Rejected: input drawn from {bad_where}; task specifies {where}. {source}: re-extract.",
        "Source mismatch ({bad_where} vs. {where}). Return to (a).",
    ),
    doubt=("Query to {source}: {where} or {bad_where}? Confirm source.",),
    confirm=(
        "Source confirmed: {where}. Value {x}.",
        "{where}. {x} unchanged.",
    ),
    glossed=(
        "Result: {what} = {r} {unit}.",
        "Hence {what} = {r} {unit}.",
    ),
    trouble=(
        "{r} {unit} is outside the physically reasonable range for {what}. Cannot locate "
        "the cause in the steps so far.",
        "Inconsistency: {what} = {r} {unit} contradicts expectations. Unresolved.",
    ),
    give_up=(
        "Validation not possible. {r} {unit} reported as unconfirmed.",
        "Unable to validate; {r} {unit} stands without confirmation.",
    ),
)

VOICES = (FORMAL, CASUAL, TERSE)
