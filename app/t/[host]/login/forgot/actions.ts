'use server';

import { formAction } from '@/lib/actions/form-action';
import { askForPasswordReset } from '@/lib/auth/password-actions';

export const forgotPasswordAction = formAction(askForPasswordReset);
