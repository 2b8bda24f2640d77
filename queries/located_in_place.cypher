// Everything located in a place, including in its sub-places (PART_OF*).
// Parameter: $place — the place's name, e.g. 十堰市.
MATCH (root:Place {name: $place})
MATCH (sub:Entity)-[:PART_OF*0..]->(root)
MATCH (e:Entity)-[:LOCATED_IN]->(sub)
RETURN DISTINCT root.name AS place, e.name AS entity, e.type AS type, sub.name AS where
ORDER BY place, type, entity
