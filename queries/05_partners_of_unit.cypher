// A unit's partners (partnerOf is symmetric: either direction counts), with where it is stated.
// :param unit => '广东联通'
MATCH (u:Entity)
WHERE u.name = $unit OR $unit IN u.aliases
MATCH (u)-[r:PARTNER_OF]-(p:Entity)
RETURN u.name AS unit, p.name AS partner, p.type AS partner_type, r.documents AS documents, r.sentences AS evidence
ORDER BY partner
