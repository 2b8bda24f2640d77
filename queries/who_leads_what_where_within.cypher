// Who leads what initiative where, within one place and its sub-places
// (PART_OF*): asking about a city finds the initiatives of its towns.
// Parameter: $within — the place's name, e.g. 十堰市.
// The same rows as who_leads_what_where_within.rq.
MATCH (root:Place {name: $within})
MATCH (l:Entity)-[:LEADS]->(i:Entity)
WHERE i.type IN ['Initiative', 'Project', 'Event']
WITH root, l, i,
     [(i)-[:LOCATED_IN]->(p) | p] AS ownPlace,
     [(l)-[:LOCATED_IN]->(p) | p] AS leaderPlace,
     CASE WHEN l.division_code IS NULL THEN [] ELSE [l] END AS leaderIsPlace,
     [(l)-[post:HOLDS_POST]->()-[:LOCATED_IN]->(p) WHERE post.title IS NOT NULL | p] AS postPlace
WITH root, l, i, [places IN [ownPlace, leaderPlace, leaderIsPlace, postPlace] WHERE size(places) > 0][0] AS places
UNWIND places AS p
MATCH (p)-[:PART_OF*0..]->(root)
RETURN DISTINCT l.name AS leader, l.type AS leaderType, i.name AS initiative, i.type AS initiativeType,
       p.name AS place, root.name AS within
ORDER BY place, leader, initiative
