'use server';

import { formAction } from '@/lib/actions/form-action';
import { changeSignedInPassword } from '@/lib/auth/password-actions';

export const changePasswordAction = formAction((formData) => changeSignedInPassword(formData, '/login'));
