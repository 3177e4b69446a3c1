// The payment notification end to end in platform-certificate mode (certificates downloaded by serial).
import { describeNotifications } from './dues-pay-notify-cases';

describeNotifications('platformCert');
