"""The quoting desk's questions, GAIA-style: one exact figure from the desk's own files."""

from __future__ import annotations

SIZE_04 = (
    "SQ-3104: what DC system size, in kWp, does the surveyed roof take with the surveyed "
    "panel model? Two decimals."
)
PROD_01 = (
    "What first-year production should the SQ-3101 quote show? kWp x the region's specific "
    "yield x the face's orientation factor x (1 - shading loss), whole kWh."
)
PROD_03 = (
    "First-year production of SQ-3103 in whole kWh, summed over its roof faces (kWp x "
    "specific yield x orientation factor x (1 - shading loss), face by face)."
)
GROSS_01 = (
    "Gross installed price of SQ-3101 at the 2026 price list, in USD: panels, one racking "
    "kit per panel, the inverter, labour per W DC and the permit."
)
GROSS_02 = (
    "What is SQ-3102's gross installed price on the 2026 list, in USD? Panels, a racking kit "
    "per panel, the inverter, its battery, labour per W DC and the permit."
)
NET_01 = (
    "SQ-3101's net price after the federal tax credit (30 % of gross) and the Colorado "
    "state rebate, at the 2026 list, in USD to the cent."
)
REBATE_03 = "How much Washington state rebate, in USD, does SQ-3103 qualify for?"
REBATE_04 = "What Colorado state rebate, in USD, applies to SQ-3104's system?"
SAVE_01 = (
    "First-year bill savings of SQ-3101 in USD (2 decimals): the self-consumed share of its "
    "production at the import price plus the rest at the export credit."
)
PAYBACK_05 = (
    "Simple payback of SQ-3105 in years, one decimal: net price (2026 list, minus the federal "
    "credit and the Austin Energy rebate) over first-year bill savings."
)
CPW_06 = "SQ-3106's gross price per watt DC at the 2026 list, in USD to 2 decimals?"
YOY_455 = (
    "By what percent did the PNL-455 panel's list price change from the 2025 list to the "
    "2026 list? One decimal, negative if it fell."
)
OFFSET_06 = (
    "What share of SQ-3106's annual electricity use does its first-year production cover? "
    "Whole percent."
)
ITC_02 = "What federal tax credit, in USD, does SQ-3102 earn at the 2026 list, battery included?"
BATTERY_02 = "How much does the Arizona battery rebate pay on SQ-3102's battery, in USD?"
