// Who leads what initiative where: every LEADS whose tail is an Initiative,
// Project or Event, with the tail's LOCATED_IN place, or the leader's when
// the tail has none (the leader's own place for a place; a person's post body's).
// The same rows as who_leads_what_where.rq.
MATCH (l:Entity)-[:LEADS]->(i:Entity)
WHERE i.type IN ['Initiative', 'Project', 'Event']
WITH l, i,
     [(i)-[:LOCATED_IN]->(p) | p.name] AS ownPlace,
     [(l)-[:LOCATED_IN]->(p) | p.name] AS leaderPlace,
     CASE WHEN l.division_code IS NULL THEN [] ELSE [l.name] END AS leaderIsPlace,
     [(l)-[post:HOLDS_POST]->()-[:LOCATED_IN]->(p) WHERE post.title IS NOT NULL | p.name] AS postPlace
// The first of these that is known; a row without a place when none is.
WITH l, i, [places IN [ownPlace, leaderPlace, leaderIsPlace, postPlace, [null]] WHERE size(places) > 0][0] AS places
UNWIND places AS place
RETURN DISTINCT l.name AS leader, l.type AS leaderType, i.name AS initiative, i.type AS initiativeType, place
ORDER BY place, leader, initiative
