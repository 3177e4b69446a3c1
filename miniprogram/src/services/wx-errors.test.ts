import { classifyWxFailure } from './wx-errors';

describe('classifyWxFailure', () => {
  it.each([
    [{ errMsg: 'getLocation:fail privacy permission is not authorized', errno: 104 }, 'privacy'],
    [
      { errMsg: 'chooseMedia:fail api scope is not declared in the privacy agreement', errno: 112 },
      'privacy-undeclared',
    ],
    [{ errMsg: 'getLocation:fail auth deny' }, 'denied'],
    [{ errMsg: 'getLocation:fail authorize no response' }, 'denied'],
    [{ message: 'User denied Geolocation' }, 'denied'],
    [{ errMsg: 'chooseMedia:fail cancel' }, 'cancelled'],
    [{ errMsg: 'chooseLocation:fail not supported in h5' }, 'unsupported'],
    [{ errMsg: 'getLocation:fail system permission denied', errno: 1404 }, 'denied'],
    [{ errMsg: 'getLocation:fail timeout' }, 'failed'],
    [null, 'failed'],
  ])('%j → %s', (error, kind) => {
    expect(classifyWxFailure(error)).toBe(kind);
  });
});
