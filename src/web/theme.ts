import type { ThemeConfig } from 'antd';

/**
 * A sober government blue. Secondary text colours are darker than antd's defaults so that all text
 * meets WCAG AA contrast (4.5:1) on white and on the light grey page background.
 */
export const BRAND = '#1a4f9c';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND,
    colorInfo: BRAND,
    colorLink: BRAND,
    colorSuccess: '#2a7a1f',
    colorError: '#c4161c',
    colorWarning: '#ad6800',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorBgLayout: '#f3f5f8',
    // Explicit tints: the ones derived from the darker status colours above come out greyish.
    colorSuccessBg: '#f1f8ec',
    colorSuccessBorder: '#b8dca5',
    colorWarningBg: '#fff8e6',
    colorWarningBorder: '#f2d08a',
    colorErrorBg: '#fff1f0',
    colorErrorBorder: '#f3b4b1',
    colorInfoBg: '#eef3fb',
    colorInfoBorder: '#b9cbe8',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: BRAND, siderBg: '#ffffff', headerHeight: 56, headerPadding: '0 20px' },
    Menu: { itemSelectedColor: BRAND, itemSelectedBg: '#e3ebf7', itemActiveBg: '#edf2fa' },
    Table: { headerBg: '#f0f3f8' },
  },
};
