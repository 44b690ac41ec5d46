// Run by the mongodb-init-replica-set Job with mongosh, connected directly to mongodb-0 as root.
// Idempotent: initiates rs0 once, adds members the configuration lacks, creates the app user once.
const replicas = Number(process.env.MONGODB_REPLICAS);
const hostOf = (i) => process.env.MEMBER_HOST_PATTERN.replace('{i}', String(i));
const wanted = Array.from({ length: replicas }, (_, i) => hostOf(i));

try {
  rs.status();
  print('rs0 is already initiated');
} catch (error) {
  if (error.codeName !== 'NotYetInitialized') throw error;
  // mongodb-0 gets the highest priority, so that it is the usual primary.
  rs.initiate({ _id: 'rs0', members: wanted.map((host, i) => ({ _id: i, host, priority: i === 0 ? 2 : 1 })) });
  print(`rs0 initiated with ${wanted.join(', ')}`);
}

let primary = null;
for (let attempt = 0; attempt < 120 && !primary; attempt++) {
  primary = db.hello().primary || null;
  if (!primary) sleep(1000);
}
if (!primary) throw new Error('rs0 elected no primary within two minutes');

const admin = new Mongo(`mongodb://${primary}/admin?directConnection=true`).getDB('admin');
admin.auth(process.env.ROOT_USERNAME, process.env.ROOT_PASSWORD);

// A reconfiguration may add one voting member at a time.
for (const host of wanted) {
  const config = admin.adminCommand({ replSetGetConfig: 1 }).config;
  if (config.members.some((member) => member.host === host)) continue;
  config.members.push({ _id: Math.max(...config.members.map((member) => member._id)) + 1, host, priority: 1 });
  config.version += 1;
  admin.adminCommand({ replSetReconfig: config });
  print(`added ${host} to rs0`);
}

// The read models' database and the personal-data vault's (the keys, which are not disposable).
const roles = [process.env.APP_DATABASE, process.env.VAULT_DATABASE].map((name) => ({ role: 'readWrite', db: name }));
if (admin.getUser(process.env.APP_USERNAME) === null) {
  admin.createUser({ user: process.env.APP_USERNAME, pwd: process.env.APP_PASSWORD, roles });
  print(`user ${process.env.APP_USERNAME} created`);
} else {
  // A user made before the vault moved to MongoDB gains the vault's database; granting twice is a no-op.
  admin.grantRolesToUser(process.env.APP_USERNAME, roles);
  print(`user ${process.env.APP_USERNAME} already exists; roles granted`);
}
