#!/usr/bin/env python3
"""Copies the bundled data packages and adds N synthetic indicators (one level target and six
DEMO observations each), for the site-generator benchmark. Deterministic: a fixed seed."""
import csv, random, shutil, sys
from pathlib import Path

source, target, n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
shutil.rmtree(target, ignore_errors=True)
shutil.copytree(source, target)
rnd = random.Random(20251)
words = ["城乡居民人均可支配收入", "低收入农户", "技能人才", "社会保障", "公共服务", "就业创业", "华侨经济",
         "新型农业经营主体", "个体工商户", "基本养老保险", "慈善组织", "帮扶项目"]
english = ["income", "household", "skills", "pension", "employment", "charity", "services", "rural"]

def append(path, rows):
    """Appends rows given as {column: value} under the file's own header: a column the schema adds
    later is left empty rather than shifting every value after it."""
    with open(path, encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    unknown = {key for row in rows for key in row} - set(header)
    if unknown:
        sys.exit(f"{path}: no such columns {sorted(unknown)}")
    with open(path, "a", encoding="utf-8", newline="") as f:
        csv.DictWriter(f, fieldnames=header, lineterminator="\n").writerows(rows)

plan = target / "qingtian"
areas = ["A0", "A1", "A2", "A3", "A4", "A5", "A6", "A7"]
indicators, targets, observations = [], [], []
for i in range(1, n + 1):
    code = f"SYNTHETIC_{i:05d}"
    name = f"合成指标{i:05d}{rnd.choice(words)}{rnd.choice(words)}"
    goal = rnd.randint(100, 100000)
    indicators.append({
        "code": code, "plan": "qt-kzt-2021-2025", "seq": 1000 + i, "name_zh": name,
        "name_en": f"Synthetic indicator {i} {rnd.choice(english)}",
        "definition_zh": "用于性能测试的合成指标：" + "，".join(rnd.choice(words) for _ in range(6)) + "。",
        "definition_en": "A synthetic indicator for the benchmark.", "scope_zh": "全县",
        "unit_zh": "元", "unit_en": "yuan", "frequency": "ANNUAL", "statistical_unit": "STATS",
        "area": rnd.choice(areas)})
    targets.append({
        "code": code + "_LEVEL", "indicator": code, "seq": 1, "kind": "LEVEL", "comparator": "GE",
        "value": goal, "unit_zh": "元", "unit_en": "yuan", "target_year": 2025,
        "text_zh": f"{name}达到{goal}元", "text_en": f"{goal} yuan"})
    base = goal * rnd.uniform(0.6, 0.9)
    rate = rnd.uniform(-0.02, 0.12)
    for year in range(2020, 2020 + rnd.randint(4, 6)):
        value = round(base * (1 + rate) ** (year - 2020))
        observations.append({
            "indicator": code, "geography": "331121", "period": str(year), "disaggregation": "_T",
            "value": value, "unit_zh": "元", "status": "FINAL", "provenance": "DEMO",
            "source": "DEMO_GENERATOR", "footnote_zh": "演示数据：合成，非真实统计",
            "footnote_en": "DEMO: synthetic, not a real statistic"})
append(plan / "indicators.csv", indicators)
append(plan / "targets.csv", targets)
append(target / "demo" / "observations.csv", observations)
print(f"{n} synthetic indicators, {len(observations)} observations in {target}")
