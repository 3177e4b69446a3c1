import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { caseLimits } from '@zhili/shared/client';
import { useState } from 'react';
import { canChooseOnMap, chooseOnMap, currentLocation, type PickedLocation } from '../../services/location';
import { classifyWxFailure } from '../../services/wx-errors';
import { withConsent } from '../../services/wx-permissions';
import { aria } from '../../components/a11y/aria';
import { fieldLabel } from '../../components/a11y/field-label';
import { Button } from '../../ui/nutui';
import { PinMap } from './pin-map/PinMap';
import '../../utils/case-view/case-view.css';
import './resident.css';

interface LocationFieldProps {
  location: { lng: number; lat: number } | null;
  address: string;
  onLocation: (picked: PickedLocation) => void;
  onAddress: (address: string) => void;
  error?: string;
}

/**
 * 定位 (getLocation) or 选择位置 (WeChat's map picker, where the pin is moved on a real map); in h5
 * (no picker, no map key) the offline PinMap around the fix lets the resident nudge the pin.
 */
export function LocationField({ location, address, onLocation, onAddress, error }: LocationFieldProps) {
  const [busy, setBusy] = useState<'locate' | 'choose' | null>(null);
  // The fix the h5 pin map is drawn around: the last located point (a restored draft's point at first).
  const [anchor, setAnchor] = useState<{ lng: number; lat: number } | null>(null);
  const located = (picked: PickedLocation) => {
    setAnchor({ lng: picked.lng, lat: picked.lat });
    onLocation(picked);
  };

  const locate = async () => {
    setBusy('locate');
    try {
      const picked = await withConsent('获取您的位置', currentLocation);
      if (picked) located(picked);
    } catch {
      void Taro.showModal({
        title: '定位失败',
        content: '无法获取当前位置，请确认手机已开启定位服务后重试，或在下方填写详细地址。',
        showCancel: false,
      });
    } finally {
      setBusy(null);
    }
  };

  const choose = async () => {
    setBusy('choose');
    try {
      const picked = await withConsent('在地图上选择位置', () => chooseOnMap(location ?? undefined));
      if (picked) located(picked);
    } catch (e) {
      // An old WeChat without the picker: fall back to the device position.
      if (classifyWxFailure(e) === 'unsupported') await locate();
      else void Taro.showToast({ title: '选择位置失败，请重试', icon: 'none' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="case-field">
      <Text className="case-field__label">问题位置</Text>
      <View
        className="loc-status"
        data-test="location-status"
        data-located={location ? 'true' : 'false'}
        {...aria({ live: 'polite' })}
      >
        <Text className={location ? 'loc-status__ok' : 'case-muted'}>
          {location ? `已定位（${location.lat.toFixed(5)}, ${location.lng.toFixed(5)}）` : '尚未定位'}
        </Text>
      </View>
      <View className="loc-buttons">
        <View data-test="location-button">
          <Button
            size="small"
            type="primary"
            fill="outline"
            loading={busy === 'locate'}
            disabled={busy !== null}
            onClick={() => void locate()}
          >
            {location ? '重新定位' : '定位当前位置'}
          </Button>
        </View>
        {canChooseOnMap ? (
          <View data-test="location-choose" className="loc-buttons__gap">
            <Button
              size="small"
              fill="outline"
              loading={busy === 'choose'}
              disabled={busy !== null}
              onClick={() => void choose()}
            >
              选择位置
            </Button>
          </View>
        ) : null}
      </View>
      {!canChooseOnMap && !location ? (
        <Text className="case-hint">请先定位，再在地图上把图钉移到问题所在处，并填写详细地址。</Text>
      ) : null}
      {!canChooseOnMap && location ? (
        <PinMap
          anchor={anchor ?? location}
          value={location}
          onChange={(point) => {
            // A restored draft has no fix of its own: the point it had becomes the map's centre.
            if (!anchor) setAnchor(location);
            onLocation(point);
          }}
        />
      ) : null}
      <Input
        {...fieldLabel('详细地址（选填）')}
        className="case-input"
        data-test="address-input"
        value={address}
        maxlength={caseLimits.address.max}
        placeholder="详细地址，如 XX路XX号门口（选填）"
        onInput={(e) => onAddress(e.detail.value)}
      />
      {error ? (
        <Text className="case-error" data-test="location-error" {...aria({ role: 'alert' })}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
