import { AppError } from '../../../core/errors/app-error';

/** A 400 naming the field, worded for the form that sent it. */
export const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', undefined, [{ field, message }]);

/** The course's state forbids the act (409, with what to do instead). */
export const conflict = (message: string) => new AppError('CONFLICT', message);

export const courseNotFound = () => new AppError('NOT_FOUND', '课程不存在或不在您的负责范围内');
