// 中国联通's subsidiaries by province: every unit below the group (up to 3 levels), grouped by the province it is in.
// :param group => '中国联通'
MATCH (g:Entity)
WHERE g.name = $group OR $group IN g.aliases
MATCH (s:Subsidiary)-[:SUBSIDIARY_OF*1..3]->(g)
OPTIONAL MATCH (s)-[:LOCATED_IN]->(p:Province)
WITH coalesce(p.name, '(未知省份)') AS province, collect(DISTINCT s.name) AS subsidiaries
RETURN province, size(subsidiaries) AS count, subsidiaries
ORDER BY count DESC, province
