"""Neo4j: load the merged graph over Bolt (loader) and run Cypher (client);
the schema is schemas/neo4j.cypher, the named queries queries/*.cypher."""
