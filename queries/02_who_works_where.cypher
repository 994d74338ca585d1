// Who works for which unit, in which role, with the sentence that says so.
MATCH (p:Person)-[r:WORKS_FOR]->(u:Entity)
RETURN p.name AS person, r.role AS role, u.name AS unit, u.type AS unit_type, r.sentences[0] AS evidence
ORDER BY unit, person
LIMIT 500
