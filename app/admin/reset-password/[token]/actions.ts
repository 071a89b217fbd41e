'use server';

import { formAction } from '@/lib/actions/form-action';
import { resetPasswordFromLink } from '@/lib/auth/password-actions';

export const resetOperatorPasswordAction = formAction((formData) => resetPasswordFromLink(formData, '/admin/login'));
