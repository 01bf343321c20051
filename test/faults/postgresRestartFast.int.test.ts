// PostgreSQL stopped cleanly (the sessions are ended with 57P01 admin_shutdown) and started again.
import { describePostgresRestart } from './postgresRestartScenario';

describePostgresRestart('fast');
