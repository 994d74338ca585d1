// The shortest chain of facts (up to 4 hops, any direction) between two entities.
// (A bounded variable-length match ordered by length: runs unchanged on Neo4j and FalkorDB.)
// :param source => '张明'
// :param target => '联通云'
MATCH (a:Entity), (b:Entity)
WHERE (a.name = $source OR $source IN a.aliases) AND (b.name = $target OR $target IN b.aliases)
MATCH p = (a)-[*1..4]-(b)
RETURN [n IN nodes(p) | n.name] AS entities, [r IN relationships(p) | type(r)] AS relations, length(p) AS hops
ORDER BY hops
LIMIT 1
