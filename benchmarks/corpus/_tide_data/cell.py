import calendar
import csv

rows = [r for r in csv.DictReader(open("readings_2026.csv")) if r["month"] in ("2026-07",)]
ok = sum(int(r["data_days"]) for r in rows)
days = sum(calendar.monthrange(2026, int(r["month"][5:]))[1] for r in rows)
print(len(rows), "rows", ok, days)
print(f"{ok / days * 100:.1f}")
