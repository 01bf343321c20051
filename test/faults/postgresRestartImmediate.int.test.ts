// PostgreSQL stopped as in a crash (no checkpoint; the sessions are cut) and started again.
import { describePostgresRestart } from './postgresRestartScenario';

describePostgresRestart('immediate');
