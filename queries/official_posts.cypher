// The posts officials hold: title and body, with the sentence that says so.
// Parameter: $person — a person's name (all persons when not given).
MATCH (p:Person)-[post:HOLDS_POST]->(b:Entity)
WHERE post.title IS NOT NULL AND ($person IS NULL OR p.name = $person)
UNWIND (CASE WHEN size(post.evidence) > 0 THEN post.evidence ELSE [null] END) AS sentence
RETURN DISTINCT p.name AS person, post.title AS title, b.name AS body, sentence
ORDER BY person, body, title
