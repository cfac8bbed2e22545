// compose.yaml: runs once, on MongoDB's first start with an empty data volume (/docker-entrypoint-initdb.d), as the
// root user. Creates the user the subgraphs connect as: readWrite (which includes change streams) on each subgraph's
// database and on the shared event log cycube-events, nothing else. Later subgraphs are listed already.
const databases = ['identity', 'catalog', 'training', 'assessment', 'labs', 'analytics', 'notification', 'audit', 'events']
  .map((name) => 'cycube-' + name);
db.getSiblingDB('admin').createUser({
  user: process.env.MONGO_APP_USERNAME,
  pwd: process.env.MONGO_APP_PASSWORD,
  roles: databases.map((name) => ({ role: 'readWrite', db: name })),
});
print('created MongoDB user ' + process.env.MONGO_APP_USERNAME + ' for ' + databases.join(', '));
