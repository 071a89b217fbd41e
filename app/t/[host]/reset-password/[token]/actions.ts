'use server';

import { formAction } from '@/lib/actions/form-action';
import { resetPasswordFromLink } from '@/lib/auth/password-actions';

export const resetPasswordAction = formAction((formData) => resetPasswordFromLink(formData, '/login'));
