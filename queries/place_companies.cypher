// Companies cooperating with a place (or a body of it) or located there.
// Parameter: $place — the place's name (all places when not given).
// A body "of" a place is one LOCATED_IN it: the loader writes a body's
// jurisdiction as its LOCATED_IN.
MATCH (c:Company)-[r:COOPERATES_WITH|LOCATED_IN]->(x:Entity)
OPTIONAL MATCH (x:GovBody)-[:LOCATED_IN]->(j:Place)
WITH c, r, x, CASE WHEN x:Place THEN [x] ELSE [] END + collect(j) AS places
UNWIND places AS pl
WITH c, r, x, pl WHERE $place IS NULL OR pl.name = $place
RETURN DISTINCT pl.name AS place, c.name AS company, type(r) AS relation, x.name AS partner
ORDER BY place, company, relation
