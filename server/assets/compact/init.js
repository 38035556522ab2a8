// Starts GOV.UK Frontend's components on the page (skip link focus, service navigation menu, …).
import { initAll } from '../govuk/govuk-frontend.min.js';

initAll();
