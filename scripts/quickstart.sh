#!/usr/bin/env bash
# One command on a fresh machine: install into .venv, parse the bundled corpus into a panel,
# and print one report.  Needs python3 (3.11+) with venv and pip; nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e ".[test]"
mkdir -p out
.venv/bin/govdisclosure parse corpus/seeds corpus/real --format csv -o out/panel.csv
.venv/bin/python - <<'PY'
import govdisclosure
text = open("corpus/seeds/004_604213c82ade96a7.txt", encoding="utf-8").read()
r = govdisclosure.parse(text)
print(f"\n{r.organ} · {r.year} · edition {r.edition} · {len(r.fields)} fields")
for key in ("applications.new_received.total", "applications.withheld.third_party_rights.natural_person", "review.total"):
    f = r.fields[key]
    print(f"  {key:58s} {f.value!s:>5}  {f.status:8s} raw={f.raw!r} span={f.span}")
for x in r.findings:
    print(f"  finding {x.code}: {x.message}")
print("\npanel written to out/panel.csv")
PY
