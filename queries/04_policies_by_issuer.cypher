// Policies by the body that issued them.
MATCH (pol:Policy)-[r:ISSUED_BY]->(o:Organization)
RETURN o.name AS issuer, collect(pol.name) AS policies, count(pol) AS count
ORDER BY count DESC, issuer
