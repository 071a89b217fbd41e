'use server';

import { formAction } from '@/lib/actions/form-action';
import { changeSignedInPassword } from '@/lib/auth/password-actions';

export const changeOperatorPasswordAction = formAction((formData) => changeSignedInPassword(formData, '/admin/login'));
