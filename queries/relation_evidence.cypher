// The evidence behind relations: the sentences and articles that state them.
// Parameters (each optional): $head, $tail — entity names; $type — e.g. LEADS.
MATCH (h:Entity)-[r]->(t:Entity)
WHERE type(r) <> 'MENTIONS'
  AND ($type IS NULL OR type(r) = $type)
  AND ($head IS NULL OR h.name = $head)
  AND ($tail IS NULL OR t.name = $tail)
UNWIND range(0, size(r.evidence) - 1) AS k
RETURN DISTINCT h.name AS head, type(r) AS type, t.name AS tail, r.title AS title,
       r.evidence_articles[k] AS article, r.evidence[k] AS sentence
ORDER BY type, head, tail, article
