// The payment notification end to end in public-key mode (PUB_KEY_ID_…, the mode of merchants since 2024).
import { describeNotifications } from './dues-pay-notify-cases';

describeNotifications('publicKey');
