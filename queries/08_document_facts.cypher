// A document's facts with their evidence sentences (documents/sentences are parallel lists on each relationship).
// :param document => 'unicom-corpus.txt#233170'
MATCH (a:Entity)-[r]->(b:Entity)
WHERE $document IN r.documents
RETURN a.name AS subject, type(r) AS relation, b.name AS object, r.role AS role,
       [i IN range(0, size(r.documents) - 1) WHERE r.documents[i] = $document | r.sentences[i]] AS evidence
ORDER BY subject, relation, object
