"""The freight desk's questions, GAIA-style: one exact figure from the desk's own files."""

from __future__ import annotations

PER_KG_07 = (
    "Shipment FW-24107: what does its ocean freight cost per kg of net cargo weight "
    "(gross minus tare) at the 2025 contract rate? Answer in USD, 3 decimals."
)
DUTY_17 = (
    "What EU import duty, in USD, is due on shipment FW-24117? Duty is the customs value "
    "times the EU rate of the HS code on its booking."
)
WORKDAYS_10 = (
    "How many working days is FW-24110 at sea, counting from the day after its ETD through "
    "its ETA and excluding weekends?"
)
INVOICE_04 = "Invoice INV-5504: by how many USD does the billed total exceed the contracted total?"
POUNDS_21 = (
    "What is the net cargo weight (gross minus tare) of FW-24121 in pounds, to the nearest "
    "pound? Use 1 kg = 2.20462 lb."
)
LANDED_25 = (
    "FW-24125 into Antwerp: what is its ocean freight at the 2025 contract rate plus the EU "
    "import duty on its customs value, in USD?"
)
YOY_GOA = (
    "By what percentage did the 40HC contract rate on SIN-GOA rise from the 2024 sheet to the "
    "2025 sheet? One decimal."
)
US_DUTY_26 = "How much US import duty, in USD, is due on FW-24126 (customs value x US rate)?"
PAIR_17_18 = (
    "What is the combined 2025 ocean freight for FW-24117 and FW-24118, each at the contract "
    "rate for its own container type?"
)
WORKDAYS_21 = (
    "How many working days does FW-24121 spend in transit, from the day after ETD through "
    "ETA, weekends excluded?"
)
DUTY_10 = "What EU import duty in USD falls due on FW-24110 (customs value x EU rate)?"
TONNES_30 = "What is the net cargo weight of FW-24130 in metric tonnes, to one decimal?"
WORKDAYS_25 = (
    "Working days FW-24125 is under way: from the day after ETD through ETA, not counting "
    "Saturdays and Sundays?"
)
GROSS_KG_26 = "What is FW-24126's 2025 ocean freight per kg of gross weight, in USD to 3 decimals?"
INVOICE_02 = (
    "INV-5502: what is the billed total minus the contracted total, in USD (negative if "
    "billed under contract)?"
)
SPLIT_26 = (
    "What would FW-24126 cost to move in two 20GP boxes instead of its one 40HC on MUN-NYC, "
    "at the 2025 contract rates?"
)
DUTY_PAIR = "What is the combined EU import duty in USD on FW-24117 and FW-24118?"
