// Which units undertake which projects.
MATCH (u:Entity)-[r:UNDERTAKES]->(j:Project)
RETURN u.name AS unit, u.type AS unit_type, collect(j.name) AS projects, count(j) AS count
ORDER BY count DESC, unit
LIMIT 500
