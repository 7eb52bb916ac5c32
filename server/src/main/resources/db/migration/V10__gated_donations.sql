-- The donations step of the disclosure gate (DonationTables) derives the public charity_donations
-- table at import: a withheld cell keeps no figures. Before it, the table held every typed-in
-- aggregate as typed and the API withheld those of fewer than 10 donors only when reading, so the
-- download files written from this table carried them. This migration applies the same rule to the
-- rows already published (the one edit of published releases: their small cells were never meant
-- to be public), describes them with the gate's descriptor, and removes the function through which
-- the API role reached the private donor records.

alter table charity_donations
  alter column donors drop not null,
  alter column total drop not null,
  add column withheld boolean not null default false;

update charity_donations set donors = null, total = null, withheld = true where donors < 10;

update release r
set resources = (
  select jsonb_agg(
           case when e.resource ->> 'name' = 'charity_donations' then $descriptor$ {"name":"charity_donations","path":"charity_donations.csv","title":"个人捐赠汇总（经披露控制） / Donations from individuals per charity, year and field (after disclosure control)","description":"按慈善组织、年份和领域汇总的个人捐赠。捐赠人少于10人、或一两名捐赠人占总额大部分的汇总不公布人数和金额（withheld 为 true），同年仅一项不公布时另一项也不公布。 / Donations from individuals, aggregated per charity, year and field. Where fewer than 10 donors gave, or one or two donors gave most of the total, the count and total are not published (withheld is true); where only one cell of a charity's year would be withheld, another is withheld with it.","schema":{"fields":[{"name":"charity","type":"string","constraints":{"required":true}},{"name":"year","type":"integer","constraints":{"required":true,"minimum":1949,"maximum":2100}},{"name":"field","type":"string","constraints":{"required":true,"enum":["ELDERLY","ORPHANS","DISABILITY","EDUCATION","HEALTH","POVERTY","DISASTER","COMMUNITY","OVERSEAS_CHINESE","OTHER"]}},{"name":"donors","type":"integer","constraints":{"minimum":0}},{"name":"total","type":"number","constraints":{"minimum":0}},{"name":"withheld","type":"boolean","constraints":{"required":true}},{"name":"provenance","type":"string","constraints":{"required":true,"enum":["OFFICIAL","SECONDARY","DEMO"]}},{"name":"source","type":"string","constraints":{"required":true}}],"missingValues":[""],"primaryKey":["charity","year","field"],"foreignKeys":[{"fields":["charity"],"reference":{"resource":"charities","fields":["code"]}},{"fields":["source"],"reference":{"resource":"sources","fields":["code"]}}]}}$descriptor$::jsonb
                else e.resource end
           order by e.position)
  from jsonb_array_elements(r.resources) with ordinality as e(resource, position))
where r.resources @> '[{"name": "charity_donations"}]';

drop function public.donation_aggregates(integer);
