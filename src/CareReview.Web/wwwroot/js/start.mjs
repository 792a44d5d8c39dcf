import { initAll } from '/govuk/govuk-frontend.min.js';
import { startTimeoutWarning } from '/js/timeout-warning.mjs';

initAll();
startTimeoutWarning(document.getElementById('timeout-warning'));
