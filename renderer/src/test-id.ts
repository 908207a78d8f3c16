import type { ButtonProps } from 'antd';

/** antd's typed props objects (okButtonProps…) have no data-* index signature; tests still need a handle. */
export const testId = (id: string): ButtonProps => ({ 'data-testid': id }) as ButtonProps;
