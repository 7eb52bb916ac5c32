#!/usr/bin/env node
// Helpers of run.sh (bench/graphql-bench):
//   node bench.js body QUERY.graphql               the POST body {"query": …} of a query file
//   node bench.js sql DATABASE_URL FILE.sql|-c SQL  runs SQL (with the pg client PostGraphile
//        brings, so that no psql is needed); prints the rows of the last statement, tab-separated
//   node bench.js load URL QUERY.graphql SECONDS CONNECTIONS OUT.json
//        autocannon on one query; an answer counts as correct when it has no "errors" and is within
//        10 % of the length of the answer fetched just before (a timeout or a refused request
//        answers with an error of a few hundred bytes); writes autocannon's result with `correct`
//   node bench.js check PORTAL_URL PG_URL QUERIES OUT.json
//        sends every query once, fails on GraphQL errors, and checks that the portal and PostGraphile
//        answer queries 1 and 2 with the same data (codes, values, statuses, order); writes sizes
//   node bench.js summarize RUNS.csv CHECK.json META.json OUTDIR
//        medians over the runs, portal/PostGraphile ratios and the targets, as results.json and
//        results.md
'use strict';
const fs = require('fs');
const path = require('path');

const [, , command, ...args] = process.argv;

function body(file) {
  return JSON.stringify({ query: fs.readFileSync(file, 'utf8') });
}

async function post(url, file, timeoutMs = 60000) {
  const started = Date.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: body(file),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${url} ${path.basename(file)}: HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`);
  }
  if (response.status !== 200 || json.errors) {
    throw new Error(`${url} ${path.basename(file)}: HTTP ${response.status} ${JSON.stringify(json.errors || json).slice(0, 500)}`);
  }
  return { json, bytes: Buffer.byteLength(text), ms: Date.now() - started };
}

// Query 1 as tuples: code, latest period, value, provenance, status, progress provenance.
const indicatorsOfPortal = (d) =>
  d.indicators.nodes.map((n) => [n.code, n.latest?.period ?? null, n.latest?.value ?? null,
    n.latest?.provenance ?? null, n.progress?.status ?? null, n.progress?.provenance ?? null]);
const indicatorsOfPostGraphile = (nodes) =>
  nodes.map((n) => [n.code, n.latestPeriod, n.latestValue, n.latestProvenance, n.progressStatus,
    n.progressProvenance]);

// Query 2 as a tree of codes: group → measure → (role, department) → achievements (code, date).
const nestedOfPortal = (d) =>
  d.targetGroups.nodes.map((g) => [g.code, g.title, g.measures.nodes.map((m) => [m.code, m.title,
    m.departments.edges.map((e) => [e.role, e.node.code, e.node.name,
      e.node.scorecard.achievements.nodes.map((a) => [a.code, a.title, a.date])])])]);
const nestedOfPostGraphile = (d) =>
  d.allTargetGroups.nodes.map((g) => [g.code, g.titleZh, g.measuresByPlanAndTargetGroup.nodes.map(
    (m) => [m.code, m.titleZh, m.measureDepartmentsByPlanAndMeasure.nodes.map((e) => [e.role,
      e.departmentByDepartment.code, e.departmentByDepartment.nameZh,
      e.departmentByDepartment.departmentAchievementsByDepartment.nodes.map((a) => [a.achievement,
        a.titleZh, a.date])])])]);

function same(label, a, b, problems) {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  if (x !== y) {
    const i = [...x].findIndex((c, k) => c !== y[k]);
    problems.push(`${label}: differ at character ${i}: portal …${x.slice(Math.max(0, i - 80), i + 80)}… `
      + `PostGraphile …${y.slice(Math.max(0, i - 80), i + 80)}…`);
  }
}

async function check(portal, postgraphile, queries, out) {
  const q = (name) => path.join(queries, name);
  const result = { sizes: {}, equivalent: true, problems: [], search: null };
  const p1 = await post(portal, q('portal-indicators.graphql'));
  const g1 = await post(postgraphile, q('postgraphile-indicators.graphql'));
  const g1s = await post(postgraphile, q('postgraphile-indicators-snapshot.graphql'));
  const p2 = await post(portal, q('portal-nested.graphql'));
  const g2 = await post(postgraphile, q('postgraphile-nested.graphql'));
  Object.assign(result.sizes, {
    'portal-indicators': p1.bytes, 'postgraphile-indicators': g1.bytes,
    'postgraphile-indicators-snapshot': g1s.bytes, 'portal-nested': p2.bytes,
    'postgraphile-nested': g2.bytes,
  });
  const i1 = indicatorsOfPortal(p1.json.data);
  if (i1.length !== 50) result.problems.push(`query 1: the portal answered ${i1.length} indicators, not 50`);
  same('query 1 (view)', i1, indicatorsOfPostGraphile(g1.json.data.allIndicators.nodes), result.problems);
  same('query 1 (snapshot)', i1, indicatorsOfPostGraphile(g1s.json.data.allIndicatorSnapshots.nodes),
    result.problems);
  const n2 = nestedOfPortal(p2.json.data);
  same('query 2', n2, nestedOfPostGraphile(g2.json.data), result.problems);
  result.nestedAchievements = n2.flatMap((g) => g[2].flatMap((m) => m[2].flatMap((e) => e[3]))).length;
  result.nestedMeasures = n2.flatMap((g) => g[2]).length;
  result.nestedDepartmentEdges = n2.flatMap((g) => g[2].flatMap((m) => m[2])).length;
  result.equivalent = result.problems.length === 0;
  try {
    const p3 = await post(portal, q('portal-search.graphql'), 60000);
    result.sizes['portal-search'] = p3.bytes;
    result.search = { ok: p3.json.data.search.totalCount > 0, totalCount: p3.json.data.search.totalCount };
  } catch (e) {
    result.search = { ok: false, error: String(e.message || e) };
  }
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  for (const p of result.problems) console.error('NOT EQUIVALENT: ' + p);
  console.log(`answers: ${JSON.stringify(result.sizes)}; same data: ${result.equivalent}; `
    + `nested: ${result.nestedMeasures} measures, ${result.nestedDepartmentEdges} department edges, `
    + `${result.nestedAchievements} achievements; search: ${JSON.stringify(result.search)}`);
  if (!result.equivalent) process.exit(1);
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 1) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

function summarize(runsCsv, checkJson, metaJson, outdir) {
  const lines = fs.readFileSync(runsCsv, 'utf8').trim().split('\n');
  const header = lines.shift().split(',');
  const runs = lines.map((l) => {
    const cells = l.split(',');
    const row = {};
    header.forEach((h, i) => { row[h] = /^-?[0-9.]+$/.test(cells[i]) ? Number(cells[i]) : cells[i]; });
    return row;
  });
  const check = JSON.parse(fs.readFileSync(checkJson, 'utf8'));
  const meta = JSON.parse(fs.readFileSync(metaJson, 'utf8'));
  const cases = [...new Set(runs.map((r) => r.case))];
  const results = {};
  for (const c of cases) {
    const rs = runs.filter((r) => r.case === c);
    results[c] = {
      query: rs[0].query, server: rs[0].server, runs: rs.length,
      rps: round(median(rs.map((r) => r.rps))),
      p50_ms: median(rs.map((r) => r.p50_ms)),
      p99_ms: median(rs.map((r) => r.p99_ms)),
      rps_runs: rs.map((r) => r.rps), p99_runs: rs.map((r) => r.p99_ms),
      requests: rs.reduce((a, r) => a + r.requests, 0),
      wrong: rs.reduce((a, r) => a + r.wrong, 0), non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
      errors: rs.reduce((a, r) => a + r.errors, 0), timeouts: rs.reduce((a, r) => a + r.timeouts, 0),
      peak_rss_mb: round(Math.max(...rs.map((r) => r.peak_rss_kb)) / 1024),
    };
  }
  const comparisons = [];
  const compare = (query, portalCase, pgCase, label) => {
    const p = results[portalCase];
    const g = results[pgCase];
    if (!p || !g) return;
    const ratio = round(p.rps / g.rps, 2);
    comparisons.push({
      query, portal: portalCase, postgraphile: pgCase, label,
      rps_ratio: ratio, p99_portal_ms: p.p99_ms, p99_postgraphile_ms: g.p99_ms,
      rps_target_met: ratio >= 3, p99_target_met: p.p99_ms <= g.p99_ms,
    });
  };
  for (const cache of ['on', 'off']) {
    compare('indicators', `indicators/portal-cache-${cache}`, 'indicators/postgraphile-view',
      `cache ${cache} vs view`);
    compare('indicators', `indicators/portal-cache-${cache}`, 'indicators/postgraphile-snapshot',
      `cache ${cache} vs snapshot`);
    compare('nested', `nested/portal-cache-${cache}`, 'nested/postgraphile', `cache ${cache}`);
  }
  const portalRss = Object.values(results).filter((r) => r.server.startsWith('portal'))
    .map((r) => r.peak_rss_mb);
  const peakRss = portalRss.length ? Math.max(...portalRss) : null;
  const summary = {
    ...meta, check, results, comparisons,
    targets: {
      rps_3x_all: comparisons.every((c) => c.rps_target_met),
      p99_no_worse_all: comparisons.every((c) => c.p99_target_met),
      portal_peak_rss_mb: peakRss,
      portal_hwm_mb: meta.portal_hwm_mb,
      rss_under_512mb: peakRss !== null && peakRss < 512,
    },
  };
  fs.writeFileSync(path.join(outdir, 'results.json'), JSON.stringify(summary, null, 2) + '\n');

  const md = [];
  md.push(`# GraphQL API against PostGraphile ${meta.postgraphile_version}`, '');
  md.push(`${meta.date}, portal ${meta.portal_commit}; ${meta.runs} runs × ${meta.duration_s} s per query `
    + `and server after ${meta.warmup_s} s of warm-up, ${meta.connections} connections (autocannon `
    + `${meta.autocannon_version}); servers and PostgreSQL on CPU ${meta.server_cpu}, load on CPU `
    + `${meta.load_cpu}; load average before: ${meta.loadavg_before}, after: ${meta.loadavg_after}.`, '');
  md.push('| query | server | correct answers/s | p50 | p99 | per run | portal/PostGraphile | peak RSS |');
  md.push('|---|---|---:|---:|---:|---|---:|---:|');
  const pgFor = { indicators: 'indicators/postgraphile-snapshot', nested: 'nested/postgraphile' };
  for (const c of cases) {
    const r = results[c];
    let ratio = '';
    if (r.server.startsWith('portal') && pgFor[r.query]) {
      const parts = [];
      if (r.query === 'indicators') {
        parts.push(`${round(r.rps / results['indicators/postgraphile-view'].rps, 2)} (view)`);
      }
      parts.push(`${round(r.rps / results[pgFor[r.query]].rps, 2)}${r.query === 'indicators' ? ' (snapshot)' : ''}`);
      ratio = parts.join(', ');
    }
    const bad = r.wrong + r.errors; // autocannon counts a timeout as an error too
    md.push(`| ${r.query} | ${r.server}${bad ? ` (${bad} of ${r.requests + r.errors} failed)` : ''} | ${r.rps} | ${r.p50_ms} ms | `
      + `${r.p99_ms} ms | ${r.rps_runs.join(' / ')} | ${ratio} | ${r.peak_rss_mb} MB |`);
  }
  md.push('');
  md.push(`Portal JVM peak RSS under load (sampled every 0.5 s): ${peakRss} MB; VmHWM over the whole `
    + `process life: ${JSON.stringify(meta.portal_hwm_mb)} MB.`);
  md.push(`Targets: 3× PostGraphile's req/s on queries 1 and 2: ${summary.targets.rps_3x_all ? 'met' : 'not met'}; `
    + `p99 no worse: ${summary.targets.p99_no_worse_all ? 'met' : 'not met'}; `
    + `under 512 MB: ${summary.targets.rss_under_512mb ? 'met' : 'not met'}.`);
  if (check.search && !check.search.ok) md.push(`Search: ${JSON.stringify(check.search)}`);
  fs.writeFileSync(path.join(outdir, 'results.md'), md.join('\n') + '\n');
  console.log(md.join('\n'));
}

async function load(url, file, seconds, connections, out) {
  const autocannon = require('autocannon');
  const reference = await post(url, file);
  const length = JSON.stringify(reference.json).length;
  const result = await autocannon({
    url, method: 'POST', headers: { 'content-type': 'application/json' }, body: body(file),
    duration: Number(seconds), connections: Number(connections),
    // autocannon joins the chunks of a body as strings, which can split a UTF-8 character: compare
    // lengths with a margin rather than the exact text.
    verifyBody: (b) => !b.includes('"errors"') && Math.abs(b.length - length) < 0.1 * length,
  });
  const wrong = result.mismatches || 0;
  result.correct = result.requests.total - wrong; // a non-2xx answer is a mismatch too
  result.correctPerSecond = Math.round((result.correct / Number(seconds)) * 10) / 10;
  result.referenceLength = length;
  fs.writeFileSync(out, JSON.stringify(result) + '\n');
}

async function sql(url, file, text) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  client.on('notice', () => {});
  try {
    const result = await client.query(file === '-c' ? text : fs.readFileSync(file, 'utf8'));
    const last = Array.isArray(result) ? result[result.length - 1] : result;
    for (const row of last.rows || []) console.log(Object.values(row).join('\t'));
  } finally {
    await client.end();
  }
}

(async () => {
  if (command === 'body') process.stdout.write(body(args[0]));
  else if (command === 'sql') await sql(...args);
  else if (command === 'load') await load(...args);
  else if (command === 'check') await check(...args);
  else if (command === 'summarize') summarize(...args);
  else {
    console.error('usage: bench.js body|check|summarize …');
    process.exit(2);
  }
})().catch((e) => {
  console.error(String(e.stack || e));
  process.exit(1);
});
