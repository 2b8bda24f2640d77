// The Neo4j schema of the kg graph, applied by `kg neo4j load` before every
// load. Every statement is IF NOT EXISTS, so applying it again changes nothing.
// One statement per `;`; lines starting with // are comments.

// Entities are merged on their kg id: one uniqueness constraint per label,
// which also gives MERGE the index it needs. :Entity is on every entity.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT gov_body_id IF NOT EXISTS FOR (n:GovBody) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT initiative_id IF NOT EXISTS FOR (n:Initiative) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;

// Names are looked up by any surface form: the name and every alias.
// The cjk analyzer indexes Chinese as character bigrams, so 丹江口 finds
// 丹江口市人民政府 (the standard analyzer would see one long token).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};

// Places are looked up by their official division code.
CREATE INDEX place_division_code IF NOT EXISTS FOR (n:Place) ON (n.division_code);
