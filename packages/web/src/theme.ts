import type { ThemeConfig } from 'antd';

/** A calm government look: deep blue actions, the national red kept for the brand mark and header line. */
export const BRAND_RED = '#a61d24';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e8c',
    colorLink: '#1f4e8c',
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif",
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f3f5f8', headerHeight: 60, headerPadding: '0 24px' },
    Menu: { itemSelectedBg: '#e8eef7', itemSelectedColor: '#1f4e8c' },
  },
};
