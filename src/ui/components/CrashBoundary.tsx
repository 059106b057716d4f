import React, { Component, type ReactNode } from 'react';
import { componentsText } from './messages.js';

// Catches a render error before Ink's own boundary would draw a stack trace on the operator's
// screen: the entry point restores the terminal and says what happened instead.
export class CrashBoundary extends Component<{ onCrash: (error: Error, where: string) => void; children?: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: { componentStack?: string | null }): void {
    const first = /^\s*at (\S+)/m.exec(info.componentStack ?? '')?.[1] ?? /^\s*in (\S+)/m.exec(info.componentStack ?? '')?.[1];
    this.props.onCrash(error, first ? componentsText().drawing(first) : componentsText().drawingScreen);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
