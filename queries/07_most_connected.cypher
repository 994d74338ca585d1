// The most connected entities: number of facts each takes part in.
MATCH (n:Entity)-[r]-(:Entity)
RETURN n.name AS entity, n.type AS type, count(r) AS degree
ORDER BY degree DESC, entity
LIMIT 25
